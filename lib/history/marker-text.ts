/** The words of a listing marker (lib/history/marker.ts gives what to say). */
import { browser } from 'wxt/browser';
import { t, tn } from '../i18n';
import type { HistoryMarker } from './types';

const YEAR_MS = 365 * 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "12 Mar", with the year when it is not within the last year. AO3-only dates are whole UTC days,
 * so they are shown in UTC; Lamplight's own visits in local time.
 */
export function historyDate(ms: number, now: number, utc: boolean): string {
  const withYear = Math.abs(now - ms) > YEAR_MS;
  const key = `${withYear ? 'y' : ''}${utc ? 'u' : ''}`;
  // Making a formatter costs far more than formatting: one of each kind per page.
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
    if (withYear) options.year = 'numeric';
    if (utc) options.timeZone = 'UTC';
    format = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), options);
    formats.set(key, format);
  }
  return format.format(ms);
}

/** The line a blurb shows for this marker. */
export function historyMarkerText(marker: HistoryMarker, now: number): string {
  switch (marker.kind) {
    case 'read':
      return t('historyMarkerRead', historyDate(marker.date, now, false));
    case 'new-chapters':
      return tn('historyMarkerNew', marker.count);
    case 'stopped': {
      const where =
        marker.of === null
          ? t('historyMarkerStoppedOpen', marker.chapter)
          : t('historyMarkerStopped', marker.chapter, Math.max(marker.of, marker.chapter));
      return marker.newChapters > 0 ? t('historyMarkerJoin', where, tn('historyMarkerNew', marker.newChapters)) : where;
    }
    case 'visited': {
      const visited = tn('historyMarkerVisited', marker.visits, historyDate(marker.date, now, true));
      return marker.updateAvailable ? t('historyMarkerJoin', visited, t('historyMarkerUpdated')) : visited;
    }
  }
}
