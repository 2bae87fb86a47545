/**
 * Lamplight's styling hooks on the site's page. An attribute such as `data-lamplight-shielded` is
 * only ever written by Lamplight and only ever read by Lamplight's own stylesheets, never by its
 * code (state lives in ./state). Its value is a token made fresh for each page load, and every
 * selector asks for that value, so the same attribute written by the page (story markup, a script)
 * is styled like nothing at all.
 */

function freshToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const TOKEN = freshToken();

/** Marks an element Lamplight made or judged with one of its hooks. */
export function mark(element: Element, attribute: string): void {
  element.setAttribute(attribute, TOKEN);
}

/** The selector of elements Lamplight itself marked with `attribute`. */
export function marked(attribute: string): string {
  return `[${attribute}="${TOKEN}"]`;
}
