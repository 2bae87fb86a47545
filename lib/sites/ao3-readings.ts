/**
 * The reader's own AO3 History page (`/users/NAME/readings`, also `?show=to-read`): each listed
 * work's last visit, visit count, "Update available" and "Marked for Later" (otwarchive's
 * app/views/readings/_reading_blurb.html.erb). The blurb inside each item is an ordinary work blurb.
 */
import type { SiteHistoryItem } from './types';
import { readBlurb } from './ao3-blurbs';
import { isoFromDayMonthYear, parseCount, textOf } from './text';

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = {
  minute: MINUTE,
  hour: 60 * MINUTE,
  day: 1_440 * MINUTE,
  month: 30 * 1_440 * MINUTE,
  year: 365 * 1_440 * MINUTE,
};

const HISTORY_PATH = /^\/users\/[^/]+\/readings\/?$/;

/** On the History page of an AO3 account (the only account that can see it is its owner's). */
function isHistoryPage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (host === 'archiveofourown.org' || host === 'www.archiveofourown.org') && HISTORY_PATH.test(url.pathname);
}

/**
 * AO3's "last visited": a date ("04 Dec 2026", the start of that UTC day) or, within 30 days,
 * Rails' words for the time since ("less than a minute", "about 3 hours", "2 days"). Null otherwise.
 */
export function parseLastVisited(text: string, now: number): number | null {
  const iso = isoFromDayMonthYear(text);
  if (iso !== null) {
    const day = Date.parse(`${iso}T00:00:00Z`);
    return Number.isNaN(day) ? null : day;
  }
  if (/^less than a minute$/.test(text)) return now;
  const ago = /^(?:about |over |almost )?(\d+|an?) (minute|hour|day|month|year)s?$/.exec(text);
  if (!ago) return null;
  const count = /^\d+$/.test(ago[1] as string) ? Number(ago[1]) : 1;
  return now - count * (UNIT_MS[ago[2] as string] as number);
}

/** The visit line (`h4.viewed`) of one item, read; null when it does not say when or how often. */
function readVisitLine(text: string, now: number): Omit<SiteHistoryItem, 'site' | 'workId' | 'title' | 'authors' | 'fandoms' | 'postedChapters'> | null {
  const match = /^Last visited: (.+?) (\((?:Update available|Minor edits made since then|Latest version)\.\) )?Visited (once|([\d,]+) times?)( .*)?$/.exec(text);
  if (!match) return null;
  const lastVisited = parseLastVisited(match[1] as string, now);
  const visits = match[3] === 'once' ? 1 : parseCount(match[4]);
  if (lastVisited === null || visits === null) return null;
  return {
    lastVisited,
    visits,
    updateAvailable: match[2] === '(Update available.) ',
    markedForLater: (match[5] ?? '').includes('(Marked for Later.)'),
  };
}

/** One History item (li.reading), or null when it shows no work (a deleted one) or cannot be read. */
export function readHistoryItem(item: Element, now: number): SiteHistoryItem | null {
  const workId = /^work_(\d+)$/.exec(item.id)?.[1];
  if (!workId || item.classList.contains('deleted')) return null;
  const visit = readVisitLine(textOf(item.querySelector(':scope > div.user.module > h4.viewed.heading')), now);
  if (!visit) return null;
  // A work hidden from the reader (an unrevealed one) has no blurb: its id and visit are still known.
  const meta = readBlurb(item)?.meta ?? null;
  const same = meta !== null && meta.id === workId;
  return {
    site: 'ao3',
    workId,
    title: same ? meta.title : '',
    authors: same ? meta.authors : [],
    fandoms: same ? meta.fandoms : [],
    postedChapters: same ? (meta.chapters?.posted ?? null) : null,
    ...visit,
  };
}

/** Every readable item of an AO3 History page, in page order; [] on any other page. */
export function readHistoryItems(doc: Document, url: URL, now: number): SiteHistoryItem[] {
  if (!isHistoryPage(url)) return [];
  const items = doc.querySelectorAll('#main ol.reading.work.index.group > li.reading.work.blurb.group');
  const out: SiteHistoryItem[] = [];
  for (const item of Array.from(items)) {
    try {
      const read = readHistoryItem(item, now);
      if (read) out.push(read);
    } catch {
      // A bad item never costs the others.
    }
  }
  return out;
}
