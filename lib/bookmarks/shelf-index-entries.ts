/**
 * Shelf entries over a checked shelf index (./shelf-index-codec.ts). Pure.
 *
 * Nothing is built per bookmark until it is used: an entry reads its row's times when sorted,
 * its id when keyed, its bookmark when shown. The search folds all the titles at once and finds
 * each term with `indexOf` over them, and folds each shared creator or fandom once: a keystroke
 * scans one string and a table of numbers, and builds nothing per bookmark.
 */
import { fold, type ShelfEntry } from './shelf';
import { bookmarkKey, type Bookmark } from './types';
import { bookmarkAt, checkShelfIndex, idAt, statusAt, timeAt, titleAt, type CheckedShelfIndex } from './shelf-index-codec';
import { RS } from './shelf-index-text';

/** The shelf entries of an index, most recently read first, or null when it is not a whole, current index. */
export function decodeShelfIndex(value: unknown): ShelfEntry[] | null {
  const index = checkShelfIndex(value);
  if (!index) return null;
  const search = new IndexSearch(index);
  return Array.from({ length: index.count }, (_, row) => new IndexedEntry(index, search, row));
}

/** The index's texts made ready to search (folded once). */
interface SearchTexts {
  /** Every title, folded, in rows as in the index. */
  titles: string;
  titleEnds: Int32Array;
  /** The shared strings, folded. */
  shared: string[];
  /** Row r's creators and fandoms are shared strings refs[refStarts[r]] … refs[refStarts[r + 1] - 1]. */
  refStarts: Int32Array;
  refs: Int32Array;
}

/**
 * Finds the rows whose title, creators or fandoms hold every search term: titles by one scan of
 * all of them folded together, creators and fandoms by folding each shared string once and
 * looking up each row's references to them.
 */
class IndexSearch {
  #texts: SearchTexts | undefined;
  #terms: readonly string[] = [];
  #hits: Uint8Array | undefined;

  constructor(private readonly index: CheckedShelfIndex) {}

  prepare(): SearchTexts {
    if (this.#texts) return this.#texts;
    const { titles, titleEnds, count } = this.index;
    // All titles folded at once, as `fold` does each (its spacing aside: terms hold no spaces).
    // ASCII text is its own NFKD form: skip it, and keep the row ends.
    const ascii = !/[^\x00-\x7f]/.test(titles);
    const folded = (ascii ? titles : titles.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
    const [refStarts, refs] = refsOf(this.index.tags, count);
    this.#texts = {
      titles: folded,
      titleEnds: ascii ? titleEnds : rowEndsOf(folded, count),
      shared: this.index.shared.map(fold),
      refStarts,
      refs,
    };
    return this.#texts;
  }

  /** The rows found are kept for the terms of the last call (a filter asks once per entry, with one array). */
  matches(terms: readonly string[], row: number): boolean {
    if (this.#hits === undefined || !sameTerms(terms, this.#terms)) {
      this.#hits = this.#find(terms);
      this.#terms = terms;
    }
    return this.#hits[row] === 1;
  }

  #find(terms: readonly string[]): Uint8Array {
    const { titles, titleEnds, shared, refStarts, refs } = this.prepare();
    const count = this.index.count;
    let hits: Uint8Array | null = null;
    for (const term of terms) {
      const found = new Uint8Array(count);
      // A term holds no separator, so a match lies within one title: mark its row, go on after it.
      let row = 0;
      for (let at = titles.indexOf(term); at >= 0 && row < count; at = titles.indexOf(term, titleEnds[row - 1]! + 1)) {
        while (titleEnds[row]! < at) row++;
        found[row++] = 1;
      }
      const inShared = Uint8Array.from(shared, (text) => (text.includes(term) ? 1 : 0));
      for (let r = 0; r < count; r++) {
        if (found[r] === 1) continue;
        for (let i = refStarts[r]!; i < refStarts[r + 1]!; i++) {
          if (inShared[refs[i]!] === 1) {
            found[r] = 1;
            break;
          }
        }
      }
      if (hits) for (let i = 0; i < count; i++) hits[i]! &= found[i]!;
      else hits = found;
    }
    return hits ?? new Uint8Array(count).fill(1);
  }
}

const sameTerms = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((term, i) => term === b[i]));

/** Each row's references (creators, then fandoms) from the checked `tags` text: digits and separators. */
function refsOf(tags: string, count: number): [Int32Array, Int32Array] {
  const starts = new Int32Array(count + 1);
  // At most one reference per two characters.
  const refs = new Int32Array((tags.length >> 1) + 1);
  let n = 0;
  let value = -1;
  let row = 0;
  const rowEnd = RS.charCodeAt(0);
  for (let i = 0; i <= tags.length; i++) {
    const c = i < tags.length ? tags.charCodeAt(i) : rowEnd;
    if (c >= 0x30 && c <= 0x39) {
      value = value < 0 ? c - 0x30 : value * 10 + (c - 0x30);
      continue;
    }
    if (value >= 0) refs[n++] = value;
    value = -1;
    if (c === rowEnd && row < count) starts[++row] = n;
  }
  return [starts, refs.subarray(0, n)];
}

function rowEndsOf(text: string, count: number): Int32Array {
  const ends = new Int32Array(count);
  let at = -1;
  for (let row = 0; row < count; row++) {
    at = text.indexOf(RS, at + 1);
    ends[row] = at < 0 ? text.length : at;
  }
  return ends;
}

class IndexedEntry implements ShelfEntry {
  #id: Pick<Bookmark, 'site' | 'workId'> | undefined;
  #key: string | undefined;
  #readAt: number | undefined;
  #addedAt: number | undefined;
  #titleKey: string | undefined;
  #state: Pick<Bookmark, 'status' | 'newChapters'> | undefined;
  #bookmark: Bookmark | undefined;

  constructor(
    private readonly index: CheckedShelfIndex,
    private readonly search: IndexSearch,
    private readonly row: number,
  ) {}

  #ids(): Pick<Bookmark, 'site' | 'workId'> {
    this.#id ??= idAt(this.index, this.row);
    return this.#id;
  }

  get site() {
    return this.#ids().site;
  }

  get workId() {
    return this.#ids().workId;
  }

  get key() {
    this.#key ??= bookmarkKey(this.site, this.workId);
    return this.#key;
  }

  get bookmark() {
    this.#bookmark ??= bookmarkAt(this.index, this.row);
    return this.#bookmark;
  }

  /** From the built bookmark when there is one, else from the row alone (a status filter over 10,000). */
  #stateOf(): Pick<Bookmark, 'status' | 'newChapters'> {
    this.#state ??= this.#bookmark ?? statusAt(this.index, this.row);
    return this.#state;
  }

  get status() {
    return this.#stateOf().status;
  }

  get newChapters() {
    return this.#stateOf().newChapters;
  }

  get readAt() {
    this.#readAt ??= timeAt(this.index, this.row, 'readAt');
    return this.#readAt;
  }

  get addedAt() {
    this.#addedAt ??= timeAt(this.index, this.row, 'addedAt');
    return this.#addedAt;
  }

  get titleKey() {
    this.#titleKey ??= fold(titleAt(this.index, this.row));
    return this.#titleKey;
  }

  matches(terms: readonly string[]): boolean {
    return this.search.matches(terms, this.row);
  }

  prepareSearch(): void {
    void this.search.prepare();
  }
}
