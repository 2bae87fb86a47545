/**
 * The shelf's lazy search text (lib/bookmarks/shelf.ts): made on first use, the same as made
 * up front; `prepareSearch` makes it ahead in slices; `fold`'s ASCII shortcut changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { filterEntries, fold, prepareSearch, shelfEntry, sortEntries } from '../../../lib/bookmarks/shelf';
import { makeBookmark } from '../storage/helpers';

/** The folding as it was written before the ASCII shortcut. */
const reference = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

describe('fold', () => {
  it('folds as the full normalization does, ASCII or not', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ['a', 'Z', ' ', '\t', '\n', '9', '-', 'É', 'é', 'ﬁ', 'Å', '\u00a0', '\u2003', 'ß', 'İ', '\u0301', 'Ω', '(', '?'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(fold(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(fold('  The LONG   way\tRound ')).toBe('the long way round');
    expect(fold('Café  Noir')).toBe('cafe noir');
  });
});

describe('shelf entries', () => {
  const b = makeBookmark({ title: 'Café  Noir', authors: ['Zed', 'Ånna'], fandoms: ['Original Work'], addedAt: '2025-01-02T00:00:00.000Z' });

  it('make the search text, title key and times from the bookmark, on first use', () => {
    const entry = shelfEntry(b);
    expect(entry.key).toBe('ao3:123');
    expect(entry.bookmark).toBe(b);
    expect(entry.readAt).toBe(Date.parse(b.readAt));
    expect(entry.addedAt).toBe(Date.parse('2025-01-02T00:00:00.000Z'));
    expect(entry.haystack).toBe('cafe noir\nzed\nanna\noriginal work');
    expect(entry.haystack).toBe(entry.haystack);
    expect(entry.titleKey).toBe('cafe noir');
    expect(shelfEntry(makeBookmark({ addedAt: 'not a date' })).addedAt).toBe(Number.NEGATIVE_INFINITY);
  });

  it('prepareSearch makes the search text in slices, and stops when told', () => {
    const entries = Array.from({ length: 450 }, (_, i) => shelfEntry(makeBookmark({ workId: String(i), title: `Title ${i}` })));
    let calls = 0;
    const at = prepareSearch(entries, 0, () => ++calls < 2);
    expect(at).toBe(400);
    expect(prepareSearch(entries, at, () => true)).toBe(450);
    expect(prepareSearch(entries, 450, () => true)).toBe(450);
    const sorted = sortEntries(entries, 'title');
    expect(filterEntries(sorted, { search: 'TITLE 449', status: 'all' }).map((e) => e.bookmark.workId)).toEqual(['449']);
    expect(filterEntries(sorted, { search: 'title', status: 'all' })).toHaveLength(450);
  });
});
