/**
 * What the bench feeds the extension, generated at run time from the real fixture pages with a
 * fixed seed: rule sets, a 1,000-work set of WorkMeta, 10,000 bookmarks, a 300,000-word Entire Work.
 * Everything is validated with the project's own validators before use, so the extension never
 * quarantines (and silently drops) any of it.
 */
import type { Bookmark } from '../lib/bookmarks/types';
import { validateBookmark } from '../lib/bookmarks/validate';
import type { Rule, RuleAction } from '../lib/filters/types';
import { validateRule } from '../lib/filters/validate';
import type { WorkMeta } from '../lib/sites/types';
import { MIGRATIONS } from '../lib/storage/migrations';

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[Math.floor(rand() * list.length)] as T;
};
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
function sample<T>(rand: Rand, list: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n && list.length > 0; i++) out.push(pick(rand, list));
  return [...new Set(out)];
}

/** Values seen on the real fixture blurbs, per field, and the words they are made of. */
export interface TagPool {
  fandoms: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  authors: string[];
  languages: string[];
  summaries: string[];
  titles: string[];
  /** Lower-case words of tags and titles (3+ letters). */
  words: string[];
  /** Of those, the ones found in one value only (what a wildcard rule is usually written for). */
  rareWords: string[];
}

export function tagPool(metas: readonly WorkMeta[]): TagPool {
  const uniq = (values: Iterable<string>) => [...new Set(values)].sort();
  const all = (f: (m: WorkMeta) => readonly string[]) => uniq(metas.flatMap(f));
  const pool: Omit<TagPool, 'words' | 'rareWords'> = {
    fandoms: all((m) => m.fandoms),
    relationships: all((m) => m.relationships),
    characters: all((m) => m.characters),
    freeforms: all((m) => m.freeforms),
    authors: all((m) => m.authors.map((a) => a.pseud)),
    languages: all((m) => (m.language ? [m.language] : [])),
    summaries: all((m) => (m.summary ? [m.summary] : [])),
    titles: all((m) => [m.title]),
  };
  const values = [...pool.fandoms, ...pool.relationships, ...pool.characters, ...pool.freeforms, ...pool.titles];
  const seen = new Map<string, number>();
  for (const value of values) {
    for (const w of new Set(value.toLowerCase().split(/[^\p{L}\p{N}']+/u))) if (w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  const words = uniq(seen.keys());
  const rareWords = words.filter((w) => w.length >= 5 && seen.get(w) === 1);
  return { ...pool, words, rareWords };
}

/** A rule without id and enabled (they are added when the list is made). */
export type RuleSpec = Rule extends infer R ? (R extends Rule ? Omit<R, 'id' | 'enabled'> : never) : never;

const titleCase = (words: string[]) => words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** The warnings a cautious reader filters; every generated list starts with these. */
const WARNING_RULES: RuleSpec[] = [
  { field: 'warning', pattern: 'Major Character Death', action: 'collapse' },
  { field: 'warning', pattern: 'Underage Sex', action: 'hide' },
  { field: 'warning', pattern: 'Rape/Non-Con', action: 'hide' },
];
const LANGUAGES = ['Deutsch', 'Français', '中文-普通话 國語', 'Русский', 'Español', 'Português brasileiro', '日本語'];

/**
 * `count` valid rules, the way a long list grows: the three warnings, `anchors` (rules meant to
 * match the measured listing), then mostly tag rules (a few with values seen on real pages, most
 * made of real tag words), wildcards, creators, summary and title patterns, languages, single works,
 * short-work and crossover limits. Hide and collapse; allow only for creators and single works.
 */
export function generateRules(pool: TagPool, count: number, seed: number, anchors: RuleSpec[] = []): Rule[] {
  const rand = seeded(seed);
  const rules: Rule[] = [];
  const filterAction = (): RuleAction => (rand() < 0.55 ? 'hide' : 'collapse');
  const anyAction = (): RuleAction => (rand() < 0.1 ? 'allow' : filterAction());
  const synthetic = (lo: number, hi: number) => titleCase(sample(rand, pool.words, int(rand, lo, hi)));
  const tagValues: Record<'fandom' | 'relationship' | 'character' | 'freeform', string[]> = {
    fandom: pool.fandoms,
    relationship: pool.relationships,
    character: pool.characters,
    freeform: pool.freeforms,
  };
  for (const spec of [...WARNING_RULES, ...anchors]) rules.push({ ...spec, id: `bench-${rules.length + 1}`, enabled: true } as Rule);
  while (rules.length < count) {
    const id = `bench-${rules.length + 1}`;
    const r = rand();
    let rule: Rule;
    if (r < 0.45) {
      const field = pick(rand, ['fandom', 'relationship', 'character', 'freeform', 'freeform', 'tag'] as const);
      const real = field === 'tag' ? [...pool.freeforms, ...pool.characters] : tagValues[field];
      const pattern = rand() < 0.04 && real.length > 0 ? pick(rand, real) : synthetic(2, 4);
      rule = { id, field, pattern, action: filterAction(), enabled: true };
    } else if (r < 0.67) {
      const field = pick(rand, ['tag', 'freeform', 'relationship', 'character'] as const);
      const w = titleCase(sample(rand, pool.rareWords, int(rand, 1, 2)));
      const shape = rand();
      const pattern = shape < 0.6 ? `*${w}*` : shape < 0.8 ? `${w}*` : `*${w}`;
      rule = { id, field, pattern, action: filterAction(), enabled: true };
    } else if (r < 0.8) {
      const pattern = rand() < 0.1 && pool.authors.length > 0 ? pick(rand, pool.authors) : `${pick(rand, pool.words)}_${int(rand, 1, 9999)}`;
      rule = { id, field: 'author', pattern, action: anyAction(), enabled: true };
    } else if (r < 0.85) {
      rule = { id, field: 'summary', pattern: `*${titleCase(sample(rand, pool.rareWords, 2))}*`, action: filterAction(), enabled: true };
    } else if (r < 0.89) {
      rule = { id, field: 'title', pattern: `*${pick(rand, pool.rareWords)}*`, action: filterAction(), enabled: true };
    } else if (r < 0.895) {
      rule = { id, field: 'language', pattern: pick(rand, LANGUAGES), action: 'collapse', enabled: true };
    } else if (r < 0.99) {
      rule = { id, field: 'work', pattern: `ao3:${int(rand, 100000, 60000000)}`, action: anyAction(), enabled: true };
    } else if (r < 0.995) {
      rule = { id, field: 'words', max: int(rand, 100, 500), action: 'collapse', enabled: true };
    } else {
      rule = { id, field: 'fandomCount', max: int(rand, 4, 10), action: 'collapse', enabled: true };
    }
    rules.push(rule);
  }
  for (const [i, rule] of rules.entries()) {
    const check = validateRule(rule);
    if (!check.ok) throw new Error(`bench rule ${i} is invalid (${check.error}): ${JSON.stringify(rule)}`);
  }
  return rules;
}

/**
 * `count` WorkMeta shaped like real blurbs: each copies the shape of a real one (how many tags of
 * each kind) and draws the values from what real blurbs carry.
 */
export function generateMetas(real: readonly WorkMeta[], pool: TagPool, count: number, seed: number): WorkMeta[] {
  const rand = seeded(seed);
  const out: WorkMeta[] = [];
  for (let i = 0; i < count; i++) {
    const shape = pick(rand, real);
    const id = String(10_000_000 + i * 37);
    const draw = (values: string[], n: number) => (values.length ? sample(rand, values, n) : []);
    const posted = int(rand, 1, 40);
    const expected = rand() < 0.3 ? null : posted + (rand() < 0.6 ? 0 : int(rand, 1, 10));
    out.push({
      ...shape,
      id,
      url: `https://archiveofourown.org/works/${id}`,
      title: titleCase(sample(rand, pool.words, int(rand, 1, 5))),
      authors: draw(pool.authors, rand() < 0.9 ? 1 : 2).map((pseud) => ({
        pseud,
        login: pseud,
        url: `https://archiveofourown.org/users/${encodeURIComponent(pseud)}/pseuds/${encodeURIComponent(pseud)}`,
      })),
      fandoms: draw(pool.fandoms, Math.max(1, shape.fandoms.length)),
      relationships: draw(pool.relationships, shape.relationships.length),
      characters: draw(pool.characters, shape.characters.length),
      freeforms: draw(pool.freeforms, shape.freeforms.length),
      summary: pool.summaries.length ? pick(rand, pool.summaries) : '',
      words: int(rand, 100, 300_000),
      chapters: { posted, expected },
      complete: expected !== null && expected === posted,
      series: [],
    });
  }
  return out;
}

/** 10,000 valid bookmarks as stored (`bookmark:ao3:<id>` → `{ v, ...bookmark }`). */
export function generateBookmarks(pool: TagPool, count: number, seed: number): Record<string, unknown> {
  const rand = seeded(seed);
  const out: Record<string, unknown> = {};
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const workId = String(20_000_000 + i * 13);
    const chapterCount = int(rand, 1, 60);
    const chapter = int(rand, 1, chapterCount);
    const added = start + i * 3_600_000;
    const bookmark: Bookmark = {
      site: 'ao3',
      workId,
      url: `https://archiveofourown.org/works/${workId}`,
      title: titleCase(sample(rand, pool.words, int(rand, 2, 5))),
      authors: sample(rand, pool.authors, 1),
      fandoms: sample(rand, pool.fandoms, int(rand, 1, 2)),
      chapter,
      chapterCount,
      chapterTotal: rand() < 0.4 ? null : chapterCount + int(rand, 0, 5),
      progress: Math.round(rand() * 1000) / 1000,
      paragraph: rand() < 0.5 ? null : int(rand, 0, 200),
      paragraphOffset: 0,
      newChapters: rand() < 0.1 ? int(rand, 1, 3) : 0,
      status: pick(rand, ['reading', 'reading', 'later', 'finished'] as const),
      readerMode: rand() < 0.5,
      addedAt: new Date(added).toISOString(),
      readAt: new Date(added + int(rand, 0, 30) * 86_400_000).toISOString(),
      note: rand() < 0.1 ? 'Recommended on a forum' : '',
    };
    Object.assign(out, storedBookmark(bookmark));
  }
  return out;
}

/** storage.local contents for one bookmark, as lib/storage writes it (checked with `validateBookmark`). */
export function storedBookmark(bookmark: Bookmark): Record<string, unknown> {
  const check = validateBookmark(bookmark);
  if (!check.ok) throw new Error(`bench bookmark ${bookmark.workId} is invalid (${check.error})`);
  return { [`bookmark:${bookmark.site}:${bookmark.workId}`]: { v: MIGRATIONS.bookmark.version, ...check.bookmark } };
}

/** storage.local contents for a rule list, as lib/storage writes it. */
export function storedRules(rules: readonly Rule[]): Record<string, unknown> {
  return { filterRules: rules, filterRules$: { v: MIGRATIONS.filterRules.version } };
}

/** The element starting at `start` (an opening `<div`), through its matching `</div>`. */
function divAt(html: string, start: number): string {
  const tag = /<div\b|<\/div>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error('unbalanced div');
}

export const countWords = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * An Entire Work page (`?view_full_work=true`) of about `targetWords` words of story text: the
 * chapter page's `div.chapter#chapter-1` repeated with renumbered ids and headings, the chapter
 * select removed, and the navigation as AO3 shows it on that view ("Chapter by Chapter").
 */
export function buildEntireWork(chapterPage: string, targetWords: number): { html: string; chapters: number; words: number } {
  const start = chapterPage.indexOf('<div class="chapter" id="chapter-1">');
  if (start < 0) throw new Error('the chapter page has no div.chapter#chapter-1');
  const chapter = divAt(chapterPage, start);
  const text = chapter.match(/<div class="userstuff module" role="article">[\s\S]*?<!--\/main-->/)?.[0] ?? chapter;
  const perChapter = countWords(text);
  const n = Math.max(1, Math.ceil(targetWords / perChapter));
  const copies: string[] = [];
  for (let i = 1; i <= n; i++) {
    copies.push(
      chapter
        .replace('id="chapter-1"', `id="chapter-${i}"`)
        .replaceAll('chapter_1_endnotes', `chapter_${i}_endnotes`)
        .replace(/>Chapter 1<\/a>/, `>Chapter ${i}</a>`),
    );
  }
  let html = chapterPage.slice(0, start) + copies.join('\n') + chapterPage.slice(start + chapter.length);
  // No chapter select on the Entire Work view; "Chapter by Chapter" instead of Entire Work / Next.
  html = html.replace(/<li class="chapter"><noscript>[\s\S]*?<\/ul>\s*<\/li>/, '');
  html = html.replace(/<select name="selected_id"[\s\S]*?<\/select>/g, '');
  html = html.replace(
    /<li class="chapter entire">[\s\S]*?<\/li>/,
    '<li class="chapter bychapter"><a href="/works/17793689/chapters/41980418#workskin">Chapter by Chapter</a></li>',
  );
  html = html.replace(/<li class="chapter (?:previous|next)">[\s\S]*?<\/li>/g, '');
  return { html, chapters: n, words: perChapter * n };
}
