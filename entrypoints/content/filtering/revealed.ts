/**
 * The mark on a work shown with "Show anyway": it still matches the filters, says which rules, and
 * offers "Hide again", which puts the placeholder (listing) or the shield (work page) back. Whether a
 * work is revealed lives in the judge's memory (./judge.ts); "Hide again" acts on trusted clicks
 * only, so a page script's `.click()` cannot hide a work the reader chose to see.
 */
import type { Reason } from '../../../lib/filters/types';
import { t } from '../../../lib/i18n';
import { mark, marked } from '../marks';
import { onTrustedClick } from '../trusted';
import { reasonText } from './placeholder';

export const REVEALED = 'data-lamplight-revealed';

/** Goes right before the work: an `li` before a blurb in a list, a `p` before a story. */
export function createRevealedMark(
  work: Element,
  reasons: readonly Reason[],
  workPage: boolean,
  onHideAgain: () => void,
): HTMLElement {
  const doc = work.ownerDocument;
  const element = doc.createElement(work.tagName === 'LI' ? 'li' : 'p');
  mark(element, REVEALED);
  const text = doc.createElement('span');
  text.textContent = t(workPage ? 'filterRevealShownWork' : 'filterRevealShownBlurb', reasonText(reasons));
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('filterRevealHideAgain');
  onTrustedClick(button, onHideAgain);
  element.append(text, ' ', button);
  return element;
}

const M = marked(REVEALED);

export const REVEALED_CSS = `
${M} {
  list-style: none;
  margin: 0.5em 0 0.25em;
  padding: 0.3em 0.7em;
  border-left: 3px solid #8a7f72;
  background: #faf7f2;
  color: #3b342c;
  font: 0.85rem/1.4 system-ui, sans-serif;
}
${M} button {
  margin-left: 0.5em;
  padding: 0.1em 0.6em;
  border: 1px solid #6b5f52;
  border-radius: 4px;
  background: #fff;
  color: #2b251f;
  font: inherit;
  cursor: pointer;
}
${M} button:focus-visible { outline: 2px solid #1d5fd1; outline-offset: 2px; }
`;
