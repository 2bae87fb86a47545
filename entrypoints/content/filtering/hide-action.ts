import { t } from '../../../lib/i18n';
import type { WorkMeta } from '../../../lib/sites/types';
import { addRule } from '../../../lib/storage';
import { mark, marked } from '../marks';
import { onTrustedClick } from '../trusted';

export const HIDE_ACTION = 'data-lamplight-hide-action';

/**
 * A small "Hide this work" button at the end of a blurb: one click adds a rule for that one
 * work, and the live rule watch hides it. Returns how to take the button away again.
 */
export function addHideAction(blurb: HTMLElement, meta: WorkMeta): () => void {
  const doc = blurb.ownerDocument;
  const holder = doc.createElement('p');
  mark(holder, HIDE_ACTION);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('filterHideWork');
  button.setAttribute('aria-label', t('filterHideWorkLabel', meta.title));
  onTrustedClick(button, () => {
    button.disabled = true;
    addRule({ field: 'work', pattern: `${meta.site}:${meta.id}`, action: 'hide', enabled: true }).catch((error) => {
      button.disabled = false;
      console.warn('Lamplight could not hide that work.', error);
    });
  });
  holder.append(button);
  blurb.append(holder);
  return () => holder.remove();
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
