import { describe, expect, it } from 'vitest';
import { cleanCopy, copyChildrenClean } from '../../../entrypoints/content/reader/sanitize';

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

describe('copying a chapter body into the reader', () => {
  function copyChildren(html: string): string {
    const source = document.createElement('div');
    source.innerHTML = html;
    const target = document.createElement('div');
    copyChildrenClean(document, source, target, null);
    return target.innerHTML;
  }

  it('copies clean story markup as it is, top-level comments left out', () => {
    const html = '<p class="x"><em>a</em> b</p><p><a href="#n1" id="r1">1</a></p><img src="https://example.org/a.png" alt="a">';
    expect(copyChildren(`${html}<!-- a note -->`)).toBe(html);
  });

  it('cleans every paragraph when any of them holds something to leave out', () => {
    for (const bad of ['<img src="x" onerror="window.__pwned=1">', '<b data-lamplight-x="1">c</b>', '<svg><script>x()</script></svg>', '<span id="ll-reader">c</span>', '<a href="java&#9;script:x()">c</a>', '<i><!-- hidden --></i>']) {
      const out = copyChildren(`<p><em>a</em></p><p>${bad}</p>`);
      expect(out).toMatch(/^<p><em>a<\/em><\/p><p>/);
      expect(out).not.toMatch(/onerror|data-lamplight|script|ll-reader|<!--/i);
    }
  });

  it('does not clone a shadow root with its host', () => {
    const source = document.createElement('div');
    const host = source.appendChild(document.createElement('div'));
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src="x" onerror="window.__pwned=1">';
    host.append('light');
    const target = document.createElement('div');
    copyChildrenClean(document, source, target, null);
    expect(target.innerHTML).toBe('<div>light</div>');
    expect((target.firstChild as Element).shadowRoot).toBeNull();
  });
});
