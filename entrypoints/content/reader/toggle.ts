/** The page's "Reader mode" button, and the short notices the reader shows on the site's page. */
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
  const button = h(doc, 'button', { type: 'button', 'aria-pressed': 'false', 'data-lamplight-reader-toggle': '' }, 'Reader mode');
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });

  let container: HTMLElement;
  if (navigation && (navigation.tagName === 'UL' || navigation.tagName === 'OL')) {
    container = h(doc, 'li', { 'data-lamplight-reader-toggle': '' }, button);
    navigation.prepend(container);
  } else if (navigation) {
    container = button;
    navigation.prepend(button);
  } else {
    container = button;
    const s = button.style;
    s.position = 'fixed';
    s.right = '16px';
    s.bottom = '16px';
    s.zIndex = '2147483000';
    s.font = '600 14px/1.2 system-ui, sans-serif';
    s.padding = '10px 14px';
    s.borderRadius = '999px';
    s.border = '1px solid #6b5b3e';
    s.background = '#fbfaf7';
    s.color = '#1f1d1a';
    s.boxShadow = '0 2px 10px rgb(0 0 0 / 0.2)';
    s.cursor = 'pointer';
    doc.body?.append(button);
  }

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

/** A short message at the bottom of the page that goes away by itself. */
export function showNotice(doc: Document, text: string): () => void {
  doc.querySelector('[data-lamplight-notice]')?.remove();
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
