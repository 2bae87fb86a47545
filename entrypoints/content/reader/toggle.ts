/** The page's "Reader mode" button, and the short notices the reader shows on the site's page. */
import { t } from '../../../lib/i18n';
import { placePageButton, READER_TOGGLE } from '../page-button';
import { h } from './dom';

export interface Toggle {
  button: HTMLButtonElement;
  setPressed(on: boolean): void;
  remove(): void;
}

/**
 * A `button[aria-pressed]` named "Reader mode": as an `li` in the work's navigation bar when the
 * site has one (it takes the site's own button style there), else a small fixed button.
 */
export function insertToggle(doc: Document, navigation: HTMLElement | null, onClick: () => void): Toggle {
  const button = h(doc, 'button', { type: 'button', 'aria-pressed': 'false', [READER_TOGGLE]: '' }, t('readerToggle'));
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });

  const container = placePageButton(doc, navigation, button, { marker: READER_TOGGLE, bottom: 16 });

  return {
    button,
    setPressed(on) {
      button.setAttribute('aria-pressed', String(on));
    },
    remove() {
      container.remove();
    },
  };
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
let shownNotice: HTMLElement | null = null;

/** Takes away the notice this script showed, if any. */
export function removeNotice(): void {
  shownNotice?.remove();
  shownNotice = null;
}

/** A short message at the bottom of the page that goes away by itself. */
export function showNotice(doc: Document, text: string): () => void {
  removeNotice();
  clearTimeout(noticeTimer);
  const el = h(doc, 'div', { role: 'status', 'data-lamplight-notice': '' });
  const s = el.style;
  s.position = 'fixed';
  s.left = '50%';
  s.bottom = '24px';
  s.transform = 'translateX(-50%)';
  s.zIndex = '2147483001';
  s.maxWidth = 'min(32em, 90vw)';
  s.padding = '10px 16px';
  s.borderRadius = '8px';
  s.font = '14px/1.4 system-ui, sans-serif';
  s.background = '#1f1d1a';
  s.color = '#fbfaf7';
  s.boxShadow = '0 2px 12px rgb(0 0 0 / 0.3)';
  (doc.body ?? doc.documentElement).append(el);
  shownNotice = el;
  // Filled a moment after insertion, so screen readers announce it as a change of a live region.
  setTimeout(() => {
    el.textContent = text;
  }, 50);
  const remove = () => {
    clearTimeout(noticeTimer);
    el.remove();
  };
  noticeTimer = setTimeout(remove, 6000);
  return remove;
}
