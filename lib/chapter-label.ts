/**
 * The one way Lamplight says where a reader is among a work's chapters: reader status line, shelf,
 * listing markers. "Chapter 2 of 14" when the final count is known, "Chapter 2 of 14 so far" for a
 * work in progress (AO3 "14/?", an unfinished FFN story), "Chapter 2" when nothing is known.
 */
import { t } from './i18n';

export function chapterOf(chapter: number, posted: number | null, total: number | null): string {
  if (total !== null && total >= chapter && total >= (posted ?? 0)) return t('chapterOfTotal', chapter, total);
  const soFar = Math.max(posted ?? 0, chapter);
  return posted !== null && posted > 0 ? t('chapterOfSoFar', chapter, soFar) : t('chapterNumber', chapter);
}
