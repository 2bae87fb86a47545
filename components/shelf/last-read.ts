/**
 * "read 3 days ago", "read yesterday": when a bookmark was last read, in the browser's language.
 * The formatter is made once (the popup may show rows of 10,000 bookmarks, a window at a time).
 */
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

let relative: Intl.RelativeTimeFormat | null = null;

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['year', 365 * 24 * 60 * 60],
];

/** The unit and count a time `seconds` ago is said in: the largest unit it is at least one of. */
export function agoIn(seconds: number): [Intl.RelativeTimeFormatUnit, number] {
  let step = STEPS[0]!;
  for (const s of STEPS) if (seconds >= s[1]) step = s;
  return [step[0], Math.floor(seconds / step[1])];
}

/** When `readAt` (ms) was, seen from `now` (ms); '' for an unreadable time. A time ahead of now is "just now". */
export function lastReadText(readAt: number, now: number): string {
  if (!Number.isFinite(readAt)) return '';
  const seconds = (now - readAt) / 1000;
  if (seconds < 60) return t('shelfFactReadJustNow');
  relative ??= new Intl.RelativeTimeFormat(browser.i18n.getUILanguage(), { numeric: 'auto' });
  const [unit, count] = agoIn(seconds);
  return t('shelfFactReadWhen', relative.format(-count, unit));
}
