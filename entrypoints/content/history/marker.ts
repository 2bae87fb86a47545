/**
 * The history's small line on a blurb ("Read 12 Mar", "Stopped at chapter 5 of 12"). Text is set
 * as text; the look comes from one stylesheet whose selector asks for this page load's token
 * (../marks.ts), so a look-alike attribute written by the page is styled like nothing at all.
 * Markers are kept by reference, never looked up.
 */
import { mark, marked } from '../marks';

export const HISTORY_MARKER_ATTRIBUTE = 'data-lamplight-history-marker';

const CSS = `${marked(HISTORY_MARKER_ATTRIBUTE)} {
  display: block !important;
  margin: 0 0 0.4em !important;
  padding: 0 !important;
  font: 0.85em/1.3 system-ui, sans-serif !important;
  color: #5e5648 !important;
}`;

export interface HistoryMarkers {
  set(blurb: HTMLElement, text: string): void;
  /** Takes away every marker and the stylesheet. */
  clear(): void;
}

export function historyMarkers(doc: Document): HistoryMarkers {
  const markers = new Map<HTMLElement, HTMLElement>();
  let style: HTMLStyleElement | null = null;
  return {
    set(blurb, text) {
      if (!style) {
        style = doc.createElement('style');
        style.dataset.lamplight = 'history';
        style.textContent = CSS;
        (doc.head ?? doc.documentElement).append(style);
      }
      let marker = markers.get(blurb);
      if (!marker) {
        marker = doc.createElement('p');
        mark(marker, HISTORY_MARKER_ATTRIBUTE);
        blurb.prepend(marker);
        markers.set(blurb, marker);
      }
      if (marker.textContent !== text) marker.textContent = text;
    },
    clear() {
      for (const marker of markers.values()) marker.remove();
      markers.clear();
      style?.remove();
      style = null;
    },
  };
}
