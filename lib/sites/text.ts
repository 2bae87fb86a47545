/** Small, site-neutral helpers for turning DOM text into model values. Never throw. */

/** Collapses every run of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The element's text with whitespace collapsed; '' for a missing element. */
export function textOf(element: Element | null | undefined): string {
  return element ? collapseWhitespace(element.textContent ?? '') : '';
}

/**
 * "12479" → 12479; null unless the string is all ASCII digits and the number exact (a page's
 * "999…" of 400 digits is no count: Number() would give Infinity, or a rounded value past 2^53).
 */
export function wholeNumber(digits: string | null | undefined): number | null {
  if (!digits || !/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** "12,479" → 12479; null when the text holds no whole number. */
export function parseCount(text: string | null | undefined): number | null {
  if (!text) return null;
  return wholeNumber(text.replace(/[\s,.\u00a0]/g, ''));
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** "05 Feb 2026" → "2026-02-05"; null when the text is not such a date. */
export function isoFromDayMonthYear(text: string): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]{3})[A-Za-z]* (\d{4})$/.exec(collapseWhitespace(text));
  if (!match) return null;
  const [, day = '', monthName = '', year = ''] = match;
  const month = MONTHS[monthName.toLowerCase()];
  return month ? `${year}-${month}-${day.padStart(2, '0')}` : null;
}

/** "2019-12-28" → "2019-12-28"; null when the text is not an ISO date. */
export function isoDate(text: string): string | null {
  const trimmed = collapseWhitespace(text);
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed : null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Inline text of a node: whitespace collapsed, <br> kept as "\n". */
function inlineText(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1) return '';
  if ((node as Element).tagName === 'BR') return '\n';
  let text = '';
  node.childNodes.forEach((child) => {
    text += inlineText(child);
  });
  return text;
}

/** Trims each line, drops empty lines, joins them with "\n". */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Paragraph texts of a node: each block element (p, div, …) is one or more paragraphs. */
function paragraphs(node: Node): string[] {
  const found: string[] = [];
  let inline = '';
  const flush = (): void => {
    const tidy = tidyLines(inline);
    if (tidy) found.push(tidy);
    inline = '';
  };
  node.childNodes.forEach((child) => {
    if (child.nodeType === 1 && BLOCK_TAGS.has((child as Element).tagName)) {
      flush();
      found.push(...paragraphs(child));
    } else {
      inline += inlineText(child);
    }
  });
  flush();
  return found;
}

/**
 * User HTML (a summary, notes) as plain text: paragraphs joined by a blank line,
 * <br> as a line break, whitespace collapsed. '' for a missing element.
 */
export function plainText(element: Element | null | undefined): string {
  return element ? paragraphs(element).join('\n\n') : '';
}

/** A BCP 47 language tag as a page gives it ("en", "pt-BR"); null when absent or malformed. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = (value ?? '').trim();
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}
