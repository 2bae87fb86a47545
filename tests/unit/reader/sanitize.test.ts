import { describe, expect, it } from 'vitest';
import { cleanCopy } from '../../../entrypoints/content/reader/sanitize';

function copy(html: string): HTMLElement {
  const source = document.createElement('div');
  source.innerHTML = html;
  return cleanCopy(document, source) as HTMLElement;
}

describe('story markup copied into the reader', () => {
  it('loses handlers, scripts, styles, javascript: URLs and every attribute Lamplight uses', () => {
    const out = copy(
      `<p onclick="x()" data-action="exit" data-chapter="9" data-lamplight-shield="" id="ll-settings">a</p>
       <img src="x" onerror="window.__pwned=1"><script>window.__pwned=1</script><style>p{}</style>
       <a href=" java&#10;script:alert(1)">b</a><iframe srcdoc="<b>" src="https://www.youtube.com/embed/x"></iframe>`,
    );
    expect(out.innerHTML).not.toMatch(/onclick|onerror|data-action|data-chapter|data-lamplight|ll-settings|script|style|srcdoc/i);
  });

  it('keeps formatting, images, links, ids for footnotes and embedded video', () => {
    const html =
      '<p align="center" class="toolbar"><em>a</em> <strong>b</strong></p><img src="https://example.org/a.png" alt="a">' +
      '<a href="#note1" id="ref1">1</a><iframe src="https://www.youtube.com/embed/x" allowfullscreen=""></iframe>';
    expect(copy(html).innerHTML).toBe(html);
  });
});
