/**
 * Save text as an ordinary download: a Blob, an object URL and a temporary `<a download>`.
 * Needs no `downloads` permission.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Some browsers start reading the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
