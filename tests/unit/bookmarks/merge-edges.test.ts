import { describe, expect, it, vi } from 'vitest';
import { makeBookmark } from '../storage/helpers';

/**
 * Merging two copies of a bookmark (backup import, sync) and the orders bookmarks are listed in, at
 * their equality edges. The module loads inside each test, so mutation testing judges its
 * module-level functions by these tests too.
 */
async function load(): Promise<typeof import('../../../lib/bookmarks/merge')> {
  vi.resetModules();
  return import('../../../lib/bookmarks/merge');
}

const OLD = '2026-01-01T00:00:00.000Z';
const NEW = '2026-06-01T00:00:00.000Z';

describe('mergeBookmark: addedAt', () => {
  it('takes the incoming addedAt when the incoming copy was bookmarked first', async () => {
    const { mergeBookmark } = await load();
    const existing = makeBookmark({ addedAt: '2025-12-01T00:00:00.000Z', readAt: NEW, chapter: 4 });
    const incoming = makeBookmark({ addedAt: '2025-01-01T00:00:00.000Z', readAt: OLD, chapter: 1 });
    expect(mergeBookmark(existing, incoming)).toEqual({ ...existing, addedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('keeps the existing copy untouched when both were bookmarked at the same instant', async () => {
    const { mergeBookmark } = await load();
    // One instant written two ways: the existing spelling stays, so nothing is rewritten.
    const existing = makeBookmark({ addedAt: '2025-01-01T01:00:00+01:00', readAt: NEW });
    const incoming = makeBookmark({ addedAt: '2025-01-01T00:00:00.000Z', readAt: OLD });
    const merged = mergeBookmark(existing, incoming);
    expect(merged).toBe(existing);
    expect(merged.addedAt).toBe('2025-01-01T01:00:00+01:00');
  });

  it('gives the newer copy the earlier addedAt of the older one', async () => {
    const { mergeBookmarkLists } = await load();
    const before = makeBookmark({ addedAt: '2025-03-01T00:00:00.000Z', readAt: OLD, chapter: 1 });
    const after = makeBookmark({ addedAt: '2025-05-01T00:00:00.000Z', readAt: NEW, chapter: 3 });
    const result = mergeBookmarkLists([before], [after], () => false);
    expect(result.updated).toEqual([{ ...after, addedAt: '2025-03-01T00:00:00.000Z' }]);
    expect(result.merged.get('ao3:123')).toEqual({ ...after, addedAt: '2025-03-01T00:00:00.000Z' });
  });
});

describe('compareBookmarksById: site first', () => {
  it('orders by site both ways, whatever the work ids', async () => {
    const { compareBookmarksById } = await load();
    const ao3 = { site: 'ao3', workId: '9' } as const;
    const ffn = { site: 'ffn', workId: '1' } as const;
    expect(Math.sign(compareBookmarksById(ffn, ao3))).toBe(1);
    expect(Math.sign(compareBookmarksById(ao3, ffn))).toBe(-1);
    expect(compareBookmarksById(ao3, { site: 'ao3', workId: '9' })).toBe(0);
  });
});

describe('sortByReadAt', () => {
  it('lists the most recently read first, equal times in site and id order', async () => {
    const { sortByReadAt } = await load();
    const a = makeBookmark({ workId: '20', readAt: OLD });
    const b = makeBookmark({ workId: '3', readAt: OLD });
    const c = makeBookmark({ site: 'ffn', workId: '1', readAt: NEW });
    const d = makeBookmark({ site: 'ffn', workId: '2', readAt: OLD });
    expect(sortByReadAt([d, a, c, b]).map((x) => `${x.site}:${x.workId}`)).toEqual(['ffn:1', 'ao3:3', 'ao3:20', 'ffn:2']);
  });

  it('puts unreadable dates last, in id order', async () => {
    const { sortByReadAt, compareBookmarksByReadAt } = await load();
    const bad1 = makeBookmark({ workId: '5', readAt: 'not a date' });
    const bad2 = makeBookmark({ workId: '4', readAt: 'nor this' });
    const good = makeBookmark({ workId: '6', readAt: OLD });
    expect(sortByReadAt([bad1, good, bad2]).map((x) => x.workId)).toEqual(['6', '4', '5']);
    expect([bad1, good, bad2].sort(compareBookmarksByReadAt).map((x) => x.workId)).toEqual(['6', '4', '5']);
  });
});
