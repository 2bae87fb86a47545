import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { putBookmark, removeBookmark, updateBookmark } from '../../../lib/storage/bookmarks';
import { maintainShelfIndex as startMaintainer, readShelfIndex } from '../../../lib/storage/shelf-index';
import { encodeShelfIndex } from '../../../lib/bookmarks/shelf-index-codec';
import { makeBookmark } from './helpers';

const work = (id: number, overrides: Partial<Bookmark> = {}) =>
  makeBookmark({ workId: String(id), url: `https://archiveofourown.org/works/${id}`, ...overrides });

/** The bookmarks in the index, most recently read first (null: no usable index). */
async function indexedBookmarks(): Promise<Bookmark[] | null> {
  const entries = await readShelfIndex();
  return entries && entries.map((e) => e.bookmark).sort((a, b) => b.readAt.localeCompare(a.readAt) || a.workId.localeCompare(b.workId));
}

/** Waits until there is an index (the maintainer writes asynchronously). */
async function indexed(): Promise<Bookmark[] | null> {
  await vi.waitFor(async () => expect(await readShelfIndex()).not.toBeNull());
  return indexedBookmarks();
}

const maintainers: { stop(): void }[] = [];
function maintainShelfIndex() {
  const maintainer = startMaintainer();
  maintainers.push(maintainer);
  return maintainer;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => maintainers.splice(0).forEach((m) => m.stop()));

describe('maintainShelfIndex (the background)', () => {
  it('builds the index from the records when there is none', async () => {
    await putBookmark(work(1));
    await putBookmark(work(2, { readAt: '2026-03-01T10:00:00.000Z' }));
    maintainShelfIndex();
    expect((await indexed())?.map((b) => b.workId)).toEqual(['2', '1']);
  });

  it('follows every change to the records: add, update, remove', async () => {
    maintainShelfIndex();
    await putBookmark(work(1));
    await putBookmark(work(2));
    await updateBookmark('ao3', '1', { note: 'changed', readAt: '2026-04-01T10:00:00.000Z' });
    await removeBookmark('ao3', '2');
    await vi.waitFor(async () => {
      const now = await indexedBookmarks();
      expect(now?.map((b) => [b.workId, b.note])).toEqual([['1', 'changed']]);
    });
  });

  it('starts from the index it left (a service worker waking mid-session) and rebuilds from the records on demand', async () => {
    await putBookmark(work(1));
    // An index that disagrees with the records: the maintainer trusts it until a rebuild.
    await fakeBrowser.storage.session.set({ shelfIndex: encodeShelfIndex([work(1), work(9)]) });
    const maintainer = maintainShelfIndex();
    await new Promise((r) => setTimeout(r, 10));
    expect((await indexedBookmarks())?.map((b) => b.workId).sort()).toEqual(['1', '9']);
    await maintainer.rebuild();
    expect((await indexedBookmarks())?.map((b) => b.workId)).toEqual(['1']);
  });

  it('keeps a change made while a rebuild reads the records', async () => {
    await putBookmark(work(1));
    const maintainer = maintainShelfIndex();
    const rebuilding = maintainer.rebuild();
    await putBookmark(work(2));
    await rebuilding;
    await vi.waitFor(async () => expect((await indexedBookmarks())?.map((b) => b.workId).sort()).toEqual(['1', '2']));
  });

  it('drops the index when it cannot be written, so readers use the records', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.session.set({ shelfIndex: encodeShelfIndex([work(1)]) });
    const maintainer = maintainShelfIndex();
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await maintainer.rebuild();
    expect(await readShelfIndex()).toBeNull();
    expect(warn).toHaveBeenCalled();
  });
});
