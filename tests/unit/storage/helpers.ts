import { fakeBrowser } from 'wxt/testing';
import type { Bookmark } from '../../../lib/bookmarks/types';

export function makeBookmark(overrides: Partial<Bookmark> = {}): Bookmark {
  return {
    site: 'ao3',
    workId: '123',
    // A bookmark's addresses are on its own site.
    url: overrides.site === 'ffn' ? 'https://www.fanfiction.net/s/123/1/' : 'https://archiveofourown.org/works/123',
    title: 'A Work',
    authors: ['someone'],
    fandoms: ['Some Fandom'],
    chapter: 2,
    chapterCount: 5,
    chapterTotal: null,
    progress: 0.4,
    addedAt: '2026-01-01T10:00:00.000Z',
    readAt: '2026-02-01T10:00:00.000Z',
    note: '',
    paragraph: 12,
    paragraphOffset: 0.25,
    newChapters: 0,
    status: 'reading',
    readerMode: true,
    ...overrides,
  };
}

/** Every storage area, as text: equal text means byte-for-byte equal storage. */
export async function storageText(): Promise<string> {
  const areas = ['local', 'sync', 'session'] as const;
  const out: Record<string, unknown> = {};
  for (const area of areas) out[area] = await fakeBrowser.storage[area].get();
  return JSON.stringify(out);
}

export async function localKeys(prefix = ''): Promise<string[]> {
  return Object.keys(await fakeBrowser.storage.local.get()).filter((k) => k.startsWith(prefix)).sort();
}
