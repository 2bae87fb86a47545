/**
 * What a bookmark must hold to be accepted, at the edges a mutation run of lib/bookmarks/validate.ts
 * left untested. The module is loaded inside each test: its schema, defaults and required-field
 * lists are built at import, and only a test that imports it while running judges them.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeBookmark } from '../storage/helpers';

async function load() {
  vi.resetModules();
  return import('../../../lib/bookmarks/validate');
}

/** A stored bookmark without `fields`. */
function without(...fields: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = { ...makeBookmark() };
  for (const field of fields) delete record[field];
  return record;
}

const OPTIONAL_IN_A_FILE = ['note', 'paragraph', 'paragraphOffset', 'newChapters', 'status', 'readerMode'];

describe('a stored bookmark', () => {
  it('is accepted whole, in every status', async () => {
    const { validateBookmark } = await load();
    for (const status of ['reading', 'finished', 'later'] as const) {
      const b = makeBookmark({ status });
      expect(validateBookmark(b)).toEqual({ ok: true, bookmark: b });
    }
  });

  it('may lack chapterUrl, and only chapterUrl', async () => {
    const { validateBookmark } = await load();
    expect(validateBookmark(without('chapterUrl'))).toEqual({ ok: true, bookmark: makeBookmark() });
    expect(validateBookmark(without('workId'))).toEqual({ ok: false, error: 'missing workId' });
    expect(validateBookmark(without('note'))).toEqual({ ok: false, error: 'missing note' });
    expect(validateBookmark(without('readerMode'))).toEqual({ ok: false, error: 'missing readerMode' });
  });

  it('needs a workId that is non-empty text without spaces', async () => {
    const { validateBookmark } = await load();
    expect(validateBookmark({ ...makeBookmark(), workId: '' })).toEqual({
      ok: false,
      error: 'workId must be text without spaces of at most 100 characters, not ""',
    });
    expect(validateBookmark({ ...makeBookmark(), workId: 'a b' })).toEqual({
      ok: false,
      error: 'workId must be text without spaces of at most 100 characters, not "a b"',
    });
  });

  it('says what null means for chapterTotal and paragraph', async () => {
    const { validateBookmark } = await load();
    expect(validateBookmark({ ...makeBookmark(), chapterTotal: 0 })).toEqual({
      ok: false,
      error: 'chapterTotal must be a whole number of at least 1 or null (unknown), not 0',
    });
    expect(validateBookmark({ ...makeBookmark(), paragraph: 1.5 })).toEqual({
      ok: false,
      error: 'paragraph must be a whole number of at least 0 or null (no paragraph), not 1.5',
    });
  });
});

describe('a bookmark entry in a backup file', () => {
  it('may leave out the optional fields, which get their defaults', async () => {
    const { validateBookmarkEntry } = await load();
    const full = makeBookmark({ note: 'kept', status: 'later', readerMode: true });
    expect(validateBookmarkEntry(without(...OPTIONAL_IN_A_FILE))).toEqual({
      ok: true,
      bookmark: { ...makeBookmark(), note: '', paragraph: null, paragraphOffset: 0, newChapters: 0, status: 'reading', readerMode: false },
    });
    expect(validateBookmarkEntry(full)).toEqual({ ok: true, bookmark: full });
  });

  it('must still hold every other field', async () => {
    const { validateBookmarkEntry } = await load();
    expect(validateBookmarkEntry(without('readAt'))).toEqual({ ok: false, error: 'missing readAt' });
    expect(validateBookmarkEntry(without('site'))).toEqual({ ok: false, error: 'missing site' });
  });
});

describe('addresses on the bookmark’s own site, and the chapter within those posted', () => {
  it('names the site’s hosts when the work address is elsewhere', async () => {
    const { validateBookmark } = await load();
    expect(validateBookmark({ ...makeBookmark(), url: 'https://evil.example/works/123' })).toEqual({
      ok: false,
      error: 'url must be an https address on archiveofourown.org, www.archiveofourown.org, not "https://evil.example/works/123"',
    });
    expect(validateBookmark({ ...makeBookmark({ site: 'ffn' }), url: 'http://www.fanfiction.net/s/123/1/' })).toEqual({
      ok: false,
      error: 'url must be an https address on www.fanfiction.net, m.fanfiction.net, fanfiction.net, not "http://www.fanfiction.net/s/123/1/"',
    });
  });

  it('names the site’s hosts when the chapter address is elsewhere', async () => {
    const { validateBookmark } = await load();
    expect(validateBookmark({ ...makeBookmark(), chapterUrl: 'https://evil.example/works/123/chapters/9' })).toEqual({
      ok: false,
      error: 'chapterUrl must be an https address on archiveofourown.org, www.archiveofourown.org, not "https://evil.example/works/123/chapters/9"',
    });
  });

  it('refuses a chapter past the chapters posted', async () => {
    const { bookmarkConsistencyError } = await load();
    const b = makeBookmark({ chapter: 6, chapterCount: 5 });
    expect(bookmarkConsistencyError(b)).toBe('chapter must be at most chapterCount (5), not 6');
    expect(bookmarkConsistencyError({ ...b, chapter: 5 })).toBeNull();
  });
});
