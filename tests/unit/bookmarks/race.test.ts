/**
 * Ten tabs saving progress at once lose nothing: one storage key per bookmark, and a per-key lock
 * for read-modify-write within a context.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { placePatch } from '../../../lib/bookmarks/record';
import { getAllBookmarks, getBookmark, putBookmark, updateBookmark } from '../../../lib/storage';
import { makeBookmark } from '../storage/helpers';

beforeEach(() => fakeBrowser.reset());

/** A storage call that yields first, so concurrent saves really interleave. */
const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

describe('concurrent progress saves', () => {
  it('10 saves on 10 bookmarks at once: every one lands', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(1000 + i));
    await Promise.all(ids.map((id) => putBookmark(makeBookmark({ workId: id, chapter: 1, paragraph: 0 }))));
    await Promise.all(
      ids.map(async (id, i) => {
        await later();
        return updateBookmark('ao3', id, (b) =>
          placePatch(
            b,
            { chapter: i + 1, paragraph: i * 10, paragraphOffset: 0.5, progress: i / 10, readerMode: i % 2 === 0 },
            new Date(Date.UTC(2026, 4, 1, 12, i)),
          ),
        );
      }),
    );
    const all = await getAllBookmarks();
    expect(all).toHaveLength(10);
    for (const [i, id] of ids.entries()) {
      const b = all.find((x) => x.workId === id);
      expect(b).toMatchObject({ chapter: i + 1, paragraph: i * 10, paragraphOffset: 0.5, readerMode: i % 2 === 0 });
      expect(b?.readAt).toBe(new Date(Date.UTC(2026, 4, 1, 12, i)).toISOString());
    }
  });

  it('concurrent saves of different fields of one bookmark: all of them land', async () => {
    await putBookmark(makeBookmark({ workId: '7', note: '', status: 'reading', newChapters: 0, chapterCount: 5 }));
    await Promise.all([
      updateBookmark('ao3', '7', { note: 'from the options page' }),
      updateBookmark('ao3', '7', (b) =>
        placePatch(b, { chapter: 3, paragraph: 44, paragraphOffset: 0.1, progress: 0.3, readerMode: true }, new Date('2026-05-02T00:00:00.000Z')),
      ),
      updateBookmark('ao3', '7', { status: 'later' }),
      // A listing in another tab learned of two new chapters (as a function, so it reads the latest).
      updateBookmark('ao3', '7', (b) => ({ chapterCount: b.chapterCount + 2, newChapters: b.newChapters + 2 })),
      updateBookmark('ao3', '7', (b) => ({ note: `${b.note} + more` })),
    ]);
    expect(await getBookmark('ao3', '7')).toMatchObject({
      note: 'from the options page + more',
      chapter: 3,
      paragraph: 44,
      status: 'later',
      chapterCount: 7,
      newChapters: 2,
      readAt: '2026-05-02T00:00:00.000Z',
    });
  });

  it('100 interleaved saves across 10 bookmarks keep the last place of each', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1));
    await Promise.all(ids.map((id) => putBookmark(makeBookmark({ workId: id, paragraph: 0 }))));
    const saves: Promise<unknown>[] = [];
    for (let step = 1; step <= 10; step++) {
      for (const id of ids) {
        saves.push(
          updateBookmark('ao3', id, (b) => ({ paragraph: Math.max(b.paragraph ?? 0, step), progress: step / 10 })),
        );
      }
    }
    await Promise.all(saves);
    for (const b of await getAllBookmarks()) expect(b).toMatchObject({ paragraph: 10, progress: 1 });
  });
});
