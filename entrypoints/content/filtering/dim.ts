/**
 * The dim action on a listing: the blurb stays where it is, faded, and a quiet line right before it
 * says why (the rules' labels, as text). Hover or keyboard focus inside the blurb brings it back to
 * full strength. Dimming never blocks: a work page is never dimmed nor shielded for it.
 *
 * The fade is declared `!important` in this page load's token layer (see ./hold.ts): no stylesheet
 * the page or a work skin adds can undo it, and an attribute the page writes itself fades nothing.
 */
import type { Reason } from '../../../lib/filters/types';
import { t } from '../../../lib/i18n';
import { mark, marked, TOKEN } from '../marks';
import { reasonText } from './placeholder';

export const DIMMED = 'data-lamplight-dimmed';
export const DIM_NOTE = 'data-lamplight-dim-note';

/** The line before a dimmed blurb: an `li` before a blurb in a list. */
export function createDimNote(blurb: Element, reasons: readonly Reason[]): HTMLElement {
  const note = blurb.ownerDocument.createElement(blurb.tagName === 'LI' ? 'li' : 'p');
  mark(note, DIM_NOTE);
  note.textContent = t('dimRuleNote', reasonText(reasons));
  return note;
}

const D = marked(DIMMED);
const N = marked(DIM_NOTE);

export const DIM_CSS = `@layer lamplight-${TOKEN} {
${D} { opacity: 0.45 !important; transition: opacity 0.15s ease-in-out; }
${D}:hover, ${D}:focus-within { opacity: 1 !important; }
${N} {
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  list-style: none !important;
  margin: 0.6em 0 0.1em !important;
  padding: 0 !important;
  border: 0 !important;
  background: none !important;
  color: #5e5648 !important;
  font: italic 0.8rem/1.3 system-ui, sans-serif !important;
}
}
@media (prefers-reduced-motion: reduce) { ${D} { transition: none; } }
`;
