import type { Reason } from '../../../lib/filters/types';
import { listOf, t, tn } from '../../../lib/i18n';
import type { WorkMeta } from '../../../lib/sites/types';
import { mark, marked } from '../marks';

export const PLACEHOLDER = 'data-lamplight-placeholder';
export const SUMMARY = 'data-lamplight-summary';
/** What "Hide this work" leaves where the work was (./hide-action.ts): styled like a placeholder. */
export const HID_NOTICE = 'data-lamplight-hid-notice';

/** The rules that matched, each with the reader's own note when it has one ("tag: Angst (“not before bed”)"). */
export const reasonText = (reasons: readonly Reason[]): string =>
  listOf(reasons.map((reason) => (reason.note ? t('noteReason', reason.label, reason.note) : reason.label)));

/** The work's creators as its blurb names them ("" when anonymous or orphaned without a name). */
export function creatorsOf(meta: WorkMeta): string {
  return listOf(meta.authors.map((author) => author.pseud));
}

/** What a placeholder says: the rules matched and, unless the reader hides titles, which work. */
export function placeholderText(reasons: readonly Reason[], work: WorkMeta | null): string {
  const why = reasonText(reasons);
  if (!work?.title) return t('filterPlaceholder', why);
  const creator = creatorsOf(work);
  return creator
    ? t('filterRevealPlaceholderWork', why, work.title, creator)
    : t('filterRevealPlaceholderWorkNoCreator', why, work.title);
}

/**
 * The short stand-in for a collapsed blurb: why it was collapsed, which work (`named`, null when
 * titles are hidden), and a way to see it. Built as the same kind of element as the blurb (an
 * `li` in a list) so the list stays valid. Page text goes in as text only.
 */
export function createPlaceholder(
  blurb: Element,
  reasons: readonly Reason[],
  named: WorkMeta | null,
  onShow: () => void,
): HTMLElement {
  const doc = blurb.ownerDocument;
  const placeholder = doc.createElement(blurb.tagName === 'LI' ? 'li' : 'div');
  mark(placeholder, PLACEHOLDER);
  const text = doc.createElement('span');
  text.textContent = placeholderText(reasons, named);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('filterShowAnyway');
  button.addEventListener('click', onShow);
  placeholder.append(text, ' ', button);
  return placeholder;
}

/**
 * The line above a list that says how many works the filters took out. Its words are asked for only
 * once something is filtered: a page with nothing filtered asks for none.
 */
export function createSummary(doc: Document, onShowAll: () => void): { element: HTMLElement; update(count: number): void } {
  const element = doc.createElement('p');
  mark(element, SUMMARY);
  element.setAttribute('role', 'status');
  const text = doc.createElement('span');
  const button = doc.createElement('button');
  button.type = 'button';
  button.addEventListener('click', onShowAll);
  element.append(text, ' ', button);
  let shown = -1;
  return {
    element,
    update(count) {
      if (count === shown) return;
      shown = count;
      element.hidden = count === 0;
      if (count === 0) return;
      text.textContent = tn('filterSummary', count);
      if (!button.textContent) button.textContent = t('filterShowAll');
    },
  };
}

const P = marked(PLACEHOLDER);
const S = marked(SUMMARY);
const N = marked(HID_NOTICE);

export const FILTER_UI_CSS = `
${P}, ${S}, ${N} {
  list-style: none;
  margin: 0.5em 0;
  padding: 0.6em 0.9em;
  border: 1px dashed #8a7f72;
  border-radius: 6px;
  background: #faf7f2;
  color: #3b342c;
  font: 0.9rem/1.4 system-ui, sans-serif;
}
${P} button, ${S} button, ${N} button {
  margin-left: 0.5em;
  padding: 0.15em 0.7em;
  border: 1px solid #6b5f52;
  border-radius: 4px;
  background: #fff;
  color: #2b251f;
  font: inherit;
  cursor: pointer;
}
${P} button:focus-visible, ${S} button:focus-visible, ${N} button:focus-visible {
  outline: 2px solid #1d5fd1;
  outline-offset: 2px;
}
${S}[hidden] { display: none; }
`;
