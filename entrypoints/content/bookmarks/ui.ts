/**
 * The bookmarks feature's few elements on the site's page: the Bookmark button, the listing
 * marker, the "this work seems gone" notice. Text is always set as text (textContent), never parsed.
 */

import { t } from '../../../lib/i18n';
import { placePageButton, READER_TOGGLE } from '../page-button';
import { onTrustedClick } from '../trusted';

export const TOGGLE_ATTRIBUTE = 'data-lamplight-bookmark-toggle';
export const MARKER_ATTRIBUTE = 'data-lamplight-bookmark-marker';
export const GONE_ATTRIBUTE = 'data-lamplight-bookmark-gone';

/** Star outline / filled star: the saved state at a glance (the name stays "Bookmark"; aria-pressed says it). */
const ICON = { saved: '★', unsaved: '☆' } as const;

/** A `button[aria-pressed]` named "Bookmark": a star (decorative) and the label. */
export function bookmarkButton(doc: Document, onClick: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute(TOGGLE_ATTRIBUTE, '');
  button.setAttribute('aria-pressed', 'false');
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = ICON.unsaved;
  const label = doc.createElement('span');
  label.className = 'label';
  label.textContent = t('bookmarkPageButton');
  button.append(icon, ' ', label);
  onTrustedClick(button, (event) => {
    event.preventDefault();
    onClick();
  });
  return button;
}

/** Shows whether the work is saved. Runs on every change to the bookmark (each progress save): cheap when nothing changes. */
export function showPressed(button: HTMLButtonElement, saved: boolean): void {
  const pressed = String(saved);
  if (button.getAttribute('aria-pressed') === pressed && button.title !== '') return;
  button.setAttribute('aria-pressed', pressed);
  button.title = t(saved ? 'bookmarkPageSavedTitle' : 'bookmarkPageUnsavedTitle');
  const icon = button.querySelector(':scope > .icon');
  if (icon) icon.textContent = saved ? ICON.saved : ICON.unsaved;
}

const PRESSED_STYLE = 'bookmark-pressed';
const PRESSED_CSS = `
button[${TOGGLE_ATTRIBUTE}][aria-pressed="true"] {
  background: #5b4a8a !important;
  color: #fff !important;
  border-color: #5b4a8a !important;
  font-weight: 600 !important;
}`;

/**
 * The site's page: a saved work's Bookmark button is filled (the site styles the button itself, so
 * only its pressed state is ours). The reader styles its own copy in its shadow root.
 */
export function addPressedStyle(doc: Document): () => void {
  const style = doc.createElement('style');
  style.dataset.lamplight = PRESSED_STYLE;
  style.textContent = PRESSED_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}

/** Puts the button in the work's navigation bar just after "Reader mode". Returns how to take it out. */
export function placeButton(doc: Document, navigation: HTMLElement | null, button: HTMLButtonElement): () => void {
  const container = placePageButton(doc, navigation, button, {
    marker: TOGGLE_ATTRIBUTE,
    after: `[${READER_TOGGLE}]`,
    bottom: 64,
  });
  return () => container.remove();
}

/** The small line on a listing's blurb of a bookmarked work (first in the blurb). */
const markers = new Map<HTMLElement, HTMLElement>();

export function setMarker(doc: Document, blurb: HTMLElement, text: string | null): void {
  let marker = markers.get(blurb);
  if (text === null) {
    marker?.remove();
    markers.delete(blurb);
    return;
  }
  if (!marker) {
    marker = doc.createElement('p');
    marker.setAttribute(MARKER_ATTRIBUTE, '');
    const s = marker.style;
    s.margin = '0 0 0.4em';
    s.font = '600 0.85em/1.3 system-ui, sans-serif';
    s.color = '#5b4a8a';
    blurb.prepend(marker);
    markers.set(blurb, marker);
  }
  if (marker.textContent !== text) marker.textContent = text;
}

/** Takes away every marker this script placed (the page's look-alikes stay). */
export function removeMarkers(): void {
  for (const marker of markers.values()) marker.remove();
  markers.clear();
}

/** A notice at the top of the page that stays (role=status), for the gone-work case. */
let shownNotice: HTMLElement | null = null;

export function goneNotice(doc: Document, text: string): () => void {
  shownNotice?.remove();
  const el = doc.createElement('div');
  el.setAttribute(GONE_ATTRIBUTE, '');
  el.setAttribute('role', 'status');
  const s = el.style;
  s.boxSizing = 'border-box';
  s.margin = '0';
  s.padding = '12px 16px';
  s.font = '15px/1.45 system-ui, sans-serif';
  s.background = '#f3eedf';
  s.color = '#1f1d1a';
  s.borderBottom = '2px solid #6b5b3e';
  (doc.body ?? doc.documentElement).prepend(el);
  shownNotice = el;
  // Filled after insertion, so screen readers announce it as a change of a live region.
  const timer = setTimeout(() => {
    el.textContent = text;
  }, 50);
  return () => {
    clearTimeout(timer);
    el.remove();
  };
}
