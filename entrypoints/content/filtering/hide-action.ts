import { messageFiller, t } from '../../../lib/i18n';
import type { WorkMeta } from '../../../lib/sites/types';
import { addRule, updateRules } from '../../../lib/storage';
import { mark, marked } from '../marks';
import { onTrustedClick } from '../trusted';
import { creatorsOf, HID_NOTICE } from './placeholder';

export const HIDE_ACTION = 'data-lamplight-hide-action';

const hideWorkLabel = messageFiller('filterHideWorkLabel');

/**
 * A small "Hide this work" button at the end of a blurb: one click adds a rule for that one
 * work (named by its title and creator for the rule lists), the live rule watch hides it, and a
 * notice in its place says what was hidden, with Undo. Returns how to take it all away again.
 */
export function addHideAction(blurb: HTMLElement, meta: WorkMeta): () => void {
  const doc = blurb.ownerDocument;
  const holder = doc.createElement('p');
  mark(holder, HIDE_ACTION);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('filterHideWork');
  button.setAttribute('aria-label', hideWorkLabel(meta.title));
  let notice: HTMLElement | null = null;
  onTrustedClick(button, () => {
    button.disabled = true;
    // Read on the click: the blurb's other fields are read only when used (lib/sites/lazy.ts).
    const creator = creatorsOf(meta);
    const rule = {
      field: 'work' as const,
      pattern: `${meta.site}:${meta.id}`,
      action: 'hide' as const,
      enabled: true,
      ...(meta.title ? { workTitle: meta.title } : {}),
      ...(creator ? { workCreator: creator } : {}),
    };
    addRule(rule).then(
      (added) => {
        notice?.remove();
        notice = hidNotice(blurb, meta.title, creator, () => {
          updateRules((rules) => rules.filter((r) => r.id !== added.id)).then(
            () => {
              notice?.remove();
              notice = null;
              button.disabled = false;
              button.focus();
            },
            (error: unknown) => console.warn('Lamplight could not undo hiding that work.', error),
          );
        });
      },
      (error: unknown) => {
        button.disabled = false;
        console.warn('Lamplight could not hide that work.', error);
      },
    );
  });
  holder.append(button);
  blurb.append(holder);
  return () => {
    holder.remove();
    notice?.remove();
  };
}

/**
 * Where the hidden work was: what was hidden and an Undo button, which takes the focus the vanished
 * "Hide this work" button had. Page text (title, creators) is set as text.
 */
function hidNotice(blurb: HTMLElement, title: string, creator: string, onUndo: () => void): HTMLElement {
  const doc = blurb.ownerDocument;
  const notice = doc.createElement(blurb.tagName === 'LI' ? 'li' : 'div');
  mark(notice, HID_NOTICE);
  notice.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = creator ? t('filterHidWork', title, creator) : t('filterHidWorkNoCreator', title);
  const undo = doc.createElement('button');
  undo.type = 'button';
  undo.textContent = t('commonUndo');
  undo.setAttribute('aria-label', t('filterUndoHideLabel', title));
  onTrustedClick(undo, () => {
    undo.disabled = true;
    onUndo();
  });
  notice.append(text, ' ', undo);
  blurb.after(notice);
  undo.focus();
  return notice;
}

const H = marked(HIDE_ACTION);

export const HIDE_ACTION_CSS = `
${H} { clear: both; margin: 0.25em 0 0; text-align: end; }
${H} button {
  padding: 0.1em 0.6em;
  border: 1px solid transparent;
  border-radius: 4px;
  background: none;
  color: #5c5247;
  font: 0.8rem/1.4 system-ui, sans-serif;
  cursor: pointer;
}
${H} button:hover { border-color: #8a7f72; }
${H} button:focus-visible { outline: 2px solid #1d5fd1; outline-offset: 2px; }
`;
