import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

/** A valid version-1 backup as plain JSON data, to break one thing at a time. */
export function validData(): {
  format: string;
  version: number;
  exportedAt: string;
  filters: Record<string, unknown>[];
  bookmarks: Record<string, unknown>[];
  settings: Record<string, unknown>;
} {
  return {
    format: 'lamplight-backup',
    version: 1,
    exportedAt: '2026-11-24T10:00:00.000Z',
    filters: [
      { field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
      { field: 'words', max: 1000, action: 'hide', enabled: true },
      { field: 'fandomCount', max: 3, action: 'hide', enabled: false },
      { field: 'complete', value: false, action: 'collapse', enabled: true },
    ],
    bookmarks: [
      { ...makeBookmark({ workId: '1' }) },
      { ...makeBookmark({ workId: '2', chapterTotal: 9 }) },
      { ...makeBookmark({ site: 'ffn', workId: '77' }) },
      { ...makeBookmark({ workId: '4', status: 'finished', note: 'loved it' }) },
    ],
    settings: { reader: { theme: 'dark', fontSize: 21 }, app: { filteringPaused: true } },
  };
}

/** The example of docs/ARCHITECTURE.md section 6, word for word. */
export const FORMAT_EXAMPLE = `{ "format": "lamplight-backup", "version": 1, "exportedAt": "2026-11-24T10:00:00.000Z",
  "filters": [ { "field": "warning", "pattern": "Major Character Death", "action": "collapse", "enabled": true } ],
  "bookmarks": [ { "site": "ao3", "workId": "123", "url": "https://archiveofourown.org/works/123",
      "title": "A title", "authors": ["someone"], "fandoms": ["A fandom"], "chapter": 2, "chapterCount": 5,
      "chapterTotal": null, "progress": 0.4, "addedAt": "2026-11-01T10:00:00.000Z", "readAt": "2026-11-20T10:00:00.000Z", "note": "" } ],
  "settings": { } }`;

export const text = (data: unknown): string => JSON.stringify(data, null, 2);

export function bookmarkOf(entry: Record<string, unknown>): Bookmark {
  return entry as unknown as Bookmark;
}
