/**
 * Fuzzing the site adapters with damaged pages. Every fixture page (real AO3 and FanFiction.net
 * pages, the hand-written FFN pages and the test-made hostile pages, all under tests/fixtures) is parsed once; each round clones it, applies a few random mutations (remove,
 * duplicate, move, reorder, strip classes or attributes, junk text and attributes: RTL overrides,
 * NUL-like characters, 10,000-character strings, markup-looking text, absurd numbers), then checks:
 *
 *  1. nothing escapes classify / readWork / readBlurbs / readBlurb / workIdFromUrl / ruleForLink;
 *  2. whatever they return is well-formed (./wellformed.ts);
 *  3. safety: the real filter engine and the content script's judge hide or collapse a blurb (or
 *     shield a work) only when what the rule matched is really on it: in its text or attributes;
 *  4. on work pages, the reader either opens (and closing it restores the page exactly) or leaves
 *     the page untouched.
 *
 * Seeded (mulberry32): each fixture's seed is in its test name. Replay one with
 *   LAMPLIGHT_FUZZ_SEED=<base seed> npx vitest run tests/unit/fuzz -t '<fixture name>'
 * (the base seed is printed in the describe title). LAMPLIGHT_FUZZ_ROUNDS scales the run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJudge } from '../../../entrypoints/content/filtering/judge';
import { COLLAPSED, HIDDEN, SHIELDED } from '../../../entrypoints/content/filtering/hold';
import { PLACEHOLDER } from '../../../entrypoints/content/filtering/placeholder';
import { SHIELD } from '../../../entrypoints/content/filtering/shield';
import { createReaderFeature, HOST_ID, READER_ATTRIBUTE } from '../../../entrypoints/content/reader';
import { compileRules, matchWork, normalize, normalizePattern, type Rule } from '../../../lib/filters';
import { SOURCES_OF_FIELD, sourceValues } from '../../../lib/filters/fields';
import { ADAPTERS, adapterFor } from '../../../lib/sites';
import type { PageKind, SiteAdapter, WorkMeta } from '../../../lib/sites/types';
import { FIXTURES_DIR, FIXTURE_URLS } from '../../e2e/fixtures';
import { HANDWRITTEN_PAGES } from '../sites/ffn-fixtures';
import { mutate, junkText } from './mutate';
import { hash32, hex, mulberry32, type Random } from './prng';
import { blurbProblems, linkRuleProblems, workIdProblems, workMetaProblems, workProblems } from './wellformed';
import { createPage, startFeatures } from '../../../entrypoints/content/page';

const BASE_SEED = Number(process.env.LAMPLIGHT_FUZZ_SEED ?? 0x1a3f1647) >>> 0;
/** Rounds per fixture page (each round: one fresh clone, 1 to 4 mutations). */
const ROUNDS = Number(process.env.LAMPLIGHT_FUZZ_ROUNDS ?? 12);
/** The reader is opened on every n-th round of a work page (it is the slow part). */
const READER_EVERY = 3;
/** A listing is fuzzed this many blurbs at a time. */
const BLURBS_PER_WINDOW = 5;

const KINDS: readonly PageKind[] = ['work', 'listing', 'adult-gate', 'restricted', 'not-found', 'chapter-index', 'other'];

// ---- The pages ----------------------------------------------------------------------------------------

interface FixturePage {
  name: string;
  file: string;
  url: URL;
}

function listHtml(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  } catch {
    return [];
  }
}

/** A test-made page names the URL it stands for in its top comment: `lamplight-url: https://…`. */
function declaredUrl(file: string): string | null {
  return /lamplight-url:\s*(\S+)/.exec(readFileSync(file, 'utf8').slice(0, 4000))?.[1] ?? null;
}

function fixturePages(): FixturePage[] {
  const pages: FixturePage[] = [];
  const known: Record<string, string> = { ...FIXTURE_URLS };
  const handwritten = HANDWRITTEN_PAGES as Record<string, string>;
  const frontPages = {
    ao3: 'https://archiveofourown.org/',
    ffn: 'https://www.fanfiction.net/',
    hostile: 'https://archiveofourown.org/',
  };
  for (const [dir, frontPage] of Object.entries(frontPages)) {
    for (const f of listHtml(path.join(FIXTURES_DIR, dir))) {
      const rel = `${dir}/${f}`;
      const file = path.join(FIXTURES_DIR, rel);
      // A fixture added without a known URL is still fuzzed, at its site's front page.
      const url = known[rel] ?? handwritten[f] ?? declaredUrl(file) ?? frontPage;
      pages.push({ name: rel, file, url: new URL(url) });
    }
  }
  return pages;
}

const PAGES = fixturePages();

// ---- Rules ----------------------------------------------------------------------------------------------

let ruleCounter = 0;
const text = (field: Extract<Rule, { pattern: string }>['field'], pattern: string, action: Rule['action']): Rule => ({
  id: `fuzz-${++ruleCounter}`,
  field,
  pattern,
  action,
  enabled: true,
});

/** Fixed rules, plus rules made from values really on the unmutated page (so they do match). */
function rulesFor(metas: readonly WorkMeta[]): Rule[] {
  const rules: Rule[] = [
    text('warning', 'Major Character Death', 'hide'),
    text('tag', '*angst*', 'collapse'),
    text('tag', '*onerror*', 'collapse'),
    text('title', '*\u202E*', 'hide'),
    text('summary', '*the end*', 'collapse'),
    { id: 'fuzz-words', field: 'words', min: 20_000, action: 'collapse', enabled: true },
    { id: 'fuzz-fandoms', field: 'fandomCount', max: 2, action: 'hide', enabled: true },
    { id: 'fuzz-complete', field: 'complete', value: true, action: 'collapse', enabled: true },
  ];
  const first = <T,>(pick: (m: WorkMeta) => readonly T[]) => metas.flatMap(pick)[0];
  const freeform = first((m) => m.freeforms);
  const fandom = first((m) => m.fandoms);
  const character = first((m) => m.characters);
  const relationship = first((m) => m.relationships);
  const authors = metas.flatMap((m) => m.authors.map((a) => a.pseud));
  if (freeform) rules.push(text('freeform', freeform, 'collapse'));
  if (fandom) rules.push(text('fandom', fandom, 'hide'));
  if (character) rules.push(text('character', `*${character.slice(0, 4)}*`, 'collapse'));
  if (relationship) rules.push(text('relationship', relationship, 'hide'));
  if (authors[0]) rules.push(text('author', authors[0], 'collapse'));
  // An exception for one author: allow wins, so that author's works always show.
  if (authors[1] && authors[1] !== authors[0]) rules.push(text('author', authors[1], 'allow'));
  const id = metas[metas.length - 1]?.id;
  if (id) rules.push(text('work', `${metas[metas.length - 1]?.site}:${id}`, 'hide'));
  return rules;
}

// ---- The safety property -----------------------------------------------------------------------------------

const squash = (s: string) => normalize(s).replace(/\s+/g, '');

function tryDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Everything a reader (or a site) can see on an element: its text and every attribute value below it. */
function surfaceOf(el: Element): string {
  const parts = [el.textContent ?? ''];
  for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
    for (const attr of Array.from(e.attributes)) parts.push(attr.value, tryDecode(attr.value));
  }
  return squash(parts.join('\n'));
}

function globMatches(pattern: string, value: string): boolean {
  const p = normalizePattern(pattern);
  const v = normalize(value);
  if (!p.includes('*')) return p === v;
  const segments = p.split('*');
  const head = segments[0] ?? '';
  const tail = segments[segments.length - 1] ?? '';
  if (!v.startsWith(head) || !v.endsWith(tail) || v.length < head.length + tail.length) return false;
  let at = head.length;
  const end = v.length - tail.length;
  for (const middle of segments.slice(1, -1)) {
    const found = v.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** A value is on the page as a whole, or (FFN's "[A, B]" pairings, read as "A/B") part by part. */
const onPage = (value: string, surface: string) =>
  surface.includes(squash(value)) || value.split('/').every((part) => surface.includes(squash(part)));

/**
 * Why a work that was hidden, collapsed or shielded is not backed by what is on `el`; null when every
 * reason is. (A rule matched a value the adapter invented would mean a reader loses a work for nothing.)
 */
function unbackedReasons(meta: WorkMeta, rules: readonly Rule[], el: Element): string | null {
  const judgement = matchWork(meta, compileRules(rules));
  if (judgement.action === 'show') return `judged ${judgement.action} on re-check`;
  const surface = surfaceOf(el);
  const digits = surface.replace(/[,.\u00a0]/g, '');
  const problems: string[] = [];
  for (const reason of judgement.reasons) {
    const rule = rules.find((r) => r.id === reason.ruleId);
    if (!rule) {
      problems.push(`unknown rule ${reason.ruleId}`);
      continue;
    }
    switch (rule.field) {
      case 'words':
        if (meta.words === null || !digits.includes(String(meta.words))) problems.push(`words ${meta.words} not on the page`);
        break;
      case 'fandomCount':
        if (meta.fandoms.length <= rule.max) problems.push(`fandomCount ${meta.fandoms.length} <= ${rule.max}`);
        for (const f of meta.fandoms) if (!surface.includes(squash(f))) problems.push(`fandom ${JSON.stringify(f).slice(0, 80)} not on the page`);
        break;
      case 'complete': {
        const c = meta.chapters;
        const fraction = c ? `${c.posted}/${c.expected ?? '?'}` : null;
        if (meta.complete !== rule.value) problems.push(`complete ${meta.complete} !== ${rule.value}`);
        else if (!surface.includes('complete') && !(fraction && digits.includes(fraction))) problems.push('"complete" not on the page');
        break;
      }
      case 'history':
        problems.push('a history rule judged a page without a history');
        break;
      case 'work':
        if (!globMatches(rule.pattern, `${meta.site}:${meta.id}`) || !digits.includes(meta.id)) problems.push(`work id ${meta.id} not on the page`);
        break;
      default: {
        const values = SOURCES_OF_FIELD[rule.field].flatMap((s) => sourceValues(meta, s)).filter((v) => globMatches(rule.pattern, v));
        if (values.length === 0) problems.push(`${rule.field} rule ${JSON.stringify(rule.pattern)} matched no value of the work`);
        else if (!values.some((v) => onPage(v, surface)))
          problems.push(`${rule.field} ${JSON.stringify(values[0]).slice(0, 80)} (rule ${JSON.stringify(rule.pattern)}) is not on the page`);
      }
    }
  }
  return problems.length ? problems.join('; ') : null;
}

// ---- One round ------------------------------------------------------------------------------------------------

const serialize = (node: Node) => new XMLSerializer().serializeToString(node);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function guard<T>(what: string, problems: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    problems.push(`${what} threw: ${error instanceof Error ? error.stack?.split('\n').slice(0, 4).join(' | ') : String(error)}`);
    return undefined;
  }
}

/** Links to try: the page's own (resolved against it) and made-up ones with junk in every part. */
function linksOf(doc: Document, page: URL, rng: Random): URL[] {
  const out: URL[] = [];
  const anchors = Array.from(doc.querySelectorAll('a[href]'));
  for (let i = 0; i < Math.min(40, anchors.length); i++) {
    try {
      out.push(new URL(rng.pick(anchors).getAttribute('href') ?? '', page));
    } catch {
      // not a URL at all: the browser would not offer it either
    }
  }
  for (let i = 0; i < 6; i++) {
    const junk = junkText(rng).slice(0, 300);
    let j: string;
    try {
      j = encodeURIComponent(junk);
    } catch {
      j = junk; // lone surrogates: put them in raw, the URL parser encodes them its own way
    }
    const raw = rng.pick([
      `https://archiveofourown.org/tags/${j}/works`,
      `https://archiveofourown.org/users/${j}/pseuds/${j}`,
      `https://archiveofourown.org/works/${j}/chapters/${j}`,
      `https://archiveofourown.org/works/${'9'.repeat(400)}`,
      'https://archiveofourown.org/tags/%2A%20%2A/works',
      `https://archiveofourown.org/users/%2A${j}`,
      `https://www.fanfiction.net/s/${j}/1/${j}`,
      `https://www.fanfiction.net/u/${j}/${j}`,
      `https://m.fanfiction.net/s/-1/0/`,
    ]);
    try {
      out.push(new URL(raw));
    } catch {
      // skip
    }
  }
  return out;
}

interface RoundStats {
  mutations: number;
  blurbsRead: number;
  filtered: number;
  readerOpened: number;
  readerUntouched: number;
  storyRemoved: number;
}

async function runRound(
  page: FixturePage,
  adapter: SiteAdapter,
  doc: Document,
  rules: readonly Rule[],
  rng: Random,
  withReader: boolean,
  stats: RoundStats,
): Promise<string[]> {
  const problems: string[] = [];
  const url = page.url;

  const kind = guard('classify', problems, () => adapter.classify(doc, url));
  if (kind !== undefined && !KINDS.includes(kind)) problems.push(`classify gave ${String(kind)}`);

  const work = guard('readWork', problems, () => adapter.readWork(doc, url));
  if (work) problems.push(...workProblems(work, doc));

  const blurbs = guard('readBlurbs', problems, () => adapter.readBlurbs(doc, url)) ?? [];
  for (const b of blurbs) problems.push(...blurbProblems(b, doc));
  stats.blurbsRead += blurbs.length;

  const elements = guard('blurbSelector', problems, () => Array.from(doc.querySelectorAll<HTMLElement>(adapter.blurbSelector))) ?? [];
  const metas = new Map<HTMLElement, { meta: WorkMeta; own: boolean } | null>();
  for (const el of elements) {
    const b = guard('readBlurb', problems, () => adapter.readBlurb(el, url));
    if (b) problems.push(...blurbProblems(b, doc));
    metas.set(el, b ? { meta: b.meta, own: b.own } : null);
  }

  for (const link of linksOf(doc, url, rng)) {
    for (const a of ADAPTERS) {
      const rule = guard(`${a.id}.ruleForLink(${link.href.slice(0, 120)})`, problems, () => a.ruleForLink(link)) ?? null;
      problems.push(...linkRuleProblems(rule));
      // AO3 names hold no `*`: one in a rule made from a link would be a wildcard nobody asked for.
      if (a.id === 'ao3' && rule?.pattern.includes('*')) problems.push(`ao3.ruleForLink made a wildcard ${JSON.stringify(rule.pattern)}`);
      problems.push(...workIdProblems(guard(`${a.id}.workIdFromUrl(${link.href.slice(0, 120)})`, problems, () => a.workIdFromUrl(link)) ?? null));
    }
  }

  // Safety: the content script's own judge, with the real engine, on the mutated page.
  const before = serialize(doc);
  const judge = createJudge(compileRules(rules), () => {});
  for (const [el, b] of metas) guard('judgeBlurb', problems, () => judge.judgeBlurb(el, b?.meta ?? null, b?.own ?? false));
  for (const el of elements) {
    const hidden = el.hasAttribute(HIDDEN);
    const collapsed = el.hasAttribute(COLLAPSED);
    if (!hidden && !collapsed) continue;
    stats.filtered++;
    const b = metas.get(el);
    if (!b) {
      problems.push('an unreadable blurb was filtered');
      continue;
    }
    if (b.own) problems.push(`the reader's own work ${b.meta.id} was filtered`);
    const why = unbackedReasons(b.meta, rules, el);
    if (why) problems.push(`blurb ${b.meta.id} ${hidden ? 'hidden' : 'collapsed'} but ${why}`);
    if (collapsed) {
      const stand = el.previousElementSibling;
      if (!stand?.hasAttribute(PLACEHOLDER) || !/^Filtered(: | \().+ Show anyway$/s.test(stand.textContent ?? ''))
        problems.push(`collapsed blurb ${b.meta.id} has no placeholder before it`);
    }
  }
  if (kind === 'work') {
    const contents = guard('workContentSelector', problems, () => Array.from(doc.querySelectorAll<HTMLElement>(adapter.workContentSelector))) ?? [];
    const meta = guard('readWork', problems, () => adapter.readWork(doc, url))?.meta ?? null;
    for (const el of contents) guard('judgeWork', problems, () => judge.judgeWork(el, meta, { onAlwaysShow: () => {} }));
    for (const el of contents) {
      if (!el.hasAttribute(SHIELDED)) continue;
      stats.filtered++;
      if (!meta) {
        problems.push('an unreadable work was shielded');
        continue;
      }
      const why = unbackedReasons(meta, rules, doc.body ?? doc.documentElement);
      if (why) problems.push(`work ${meta.id} shielded but ${why}`);
      if (!el.previousElementSibling?.hasAttribute(SHIELD)) problems.push(`shielded work ${meta.id} has no shield before it`);
    }
  }
  guard('judge.clear', problems, () => judge.clear());
  if (serialize(doc) !== before) problems.push('clearing the judgements did not restore the page exactly');

  // The reader: it opens (and closes back to the same page), or leaves the page untouched. It runs on
  // the window's own document, as the content script does (happy-dom dispatches clicks only there).
  if (withReader && kind === 'work') {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url.href);
    const imported = document.importNode(doc.documentElement, true);
    document.documentElement.remove();
    document.append(imported);
    const live = document;
    // Now and then the story text is gone altogether (a half-loaded page, a site redesign).
    if (rng.chance(0.3)) {
      for (const el of Array.from(live.querySelectorAll('#chapters, #storytext, #storytextp'))) el.remove();
      stats.storyRemoved++;
    }
    const controller = new AbortController();
    const untouched = serialize(live);
    const feature = createReaderFeature({ navigate: () => {}, fontUrl: (f) => `chrome-extension://fuzz/fonts/${f}`, saveDelayMs: 0 });
    try {
      startFeatures(createPage(adapter, url, kind, live), [feature], controller.signal);
      await settle();
      const toggle = live.querySelector<HTMLButtonElement>('button[data-lamplight-reader-toggle]');
      if (!toggle) {
        if (serialize(live) !== untouched) problems.push('the reader changed a page it could not open');
        stats.readerUntouched++;
      } else {
        toggle.click();
        const host = live.getElementById(HOST_ID);
        const on = live.documentElement.getAttribute(READER_ATTRIBUTE) === 'on';
        if (!on || !host?.shadowRoot) {
          // Refusing is fine (a notice says why); half-open is not.
          if (on || host) problems.push('the reader half-opened');
          stats.readerUntouched++;
        } else {
          stats.readerOpened++;
          if (!(host.shadowRoot.textContent ?? '').trim()) problems.push('the reader opened empty');
          if (host.shadowRoot.querySelector('script, iframe, object, embed, [onerror], [onload], [onclick]'))
            problems.push('the reader carries a script, frame or inline handler');
          toggle.click();
          if (live.documentElement.hasAttribute(READER_ATTRIBUTE) || live.getElementById(HOST_ID)) problems.push('the reader did not close');
        }
      }
    } catch (error) {
      problems.push(`the reader threw: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      controller.abort();
    }
    live.querySelector('[data-lamplight-notice]')?.remove();
    if (serialize(live) !== untouched) problems.push('starting, opening, closing and stopping the reader did not restore the page exactly');
  }
  return problems;
}

// ---- The tests ----------------------------------------------------------------------------------------------

const totals = { rounds: 0, mutations: 0, failedRounds: 0, blurbsRead: 0, filtered: 0, readerOpened: 0, readerUntouched: 0, storyRemoved: 0 };

beforeEach(() => {
  fakeBrowser.reset();
});

afterAll(() => {
  console.info(
    `adapter fuzz (base seed ${hex(BASE_SEED)}): ${totals.rounds} rounds, ${totals.mutations} mutations, ` +
      `${totals.rounds - totals.failedRounds} rounds survived, ${totals.failedRounds} failed; ` +
      `${totals.blurbsRead} blurbs read, ${totals.filtered} works filtered and checked, ` +
      `reader opened ${totals.readerOpened}x, left the page untouched ${totals.readerUntouched}x; story text removed in ${totals.storyRemoved} reader rounds`,
  );
});

describe(`adapter fuzz, base seed ${hex(BASE_SEED)}, ${ROUNDS} rounds per page`, () => {
  it('has every fixture page', () => {
    expect(PAGES.filter((p) => p.name.startsWith('ao3/')).length).toBeGreaterThanOrEqual(26);
    expect(PAGES.filter((p) => p.name.startsWith('ffn/')).length).toBeGreaterThanOrEqual(5);
    expect(PAGES.filter((p) => p.name.startsWith('hostile/')).length).toBeGreaterThanOrEqual(2);
  });

  for (const page of PAGES) {
    const seed = (BASE_SEED ^ hash32(page.name)) >>> 0;
    it(`${page.name} (seed ${hex(seed)})`, { timeout: 60_000 }, async () => {
      const adapter = adapterFor(page.url);
      expect(adapter, `no adapter for ${page.url.href}`).not.toBeNull();
      if (!adapter) return;
      const base = new DOMParser().parseFromString(readFileSync(page.file, 'utf8'), 'text/html');
      // Scripts and styles never reach the adapters (happy-dom runs none here); AO3's filter sidebar is
      // hundreds of checkboxes no adapter reads, and most of the cloning time.
      for (const el of Array.from(base.querySelectorAll('script, style, link, noscript, iframe, form#work-filters'))) el.remove();
      const baseMetas = [
        ...adapter.readBlurbs(base, page.url).map((b) => b.meta),
        ...[adapter.readWork(base, page.url)?.meta].filter((m): m is WorkMeta => Boolean(m)),
      ];
      for (const m of baseMetas) expect(workMetaProblems(m)).toEqual([]);
      const rules = rulesFor(baseMetas);
      const regions = (doc: Document) => () =>
        Array.from(doc.querySelectorAll(`${adapter.blurbSelector}, ${adapter.workContentSelector}, #main .preface, #main .work.meta, #profile_top`));
      // A listing is fuzzed a window of blurbs at a time (cloning 20 blurbs per round in happy-dom is
      // slow); the windows take turns, so every blurb is fuzzed.
      const blurbCount = base.querySelectorAll(adapter.blurbSelector).length;
      const windows = Math.max(1, Math.ceil(blurbCount / BLURBS_PER_WINDOW));
      const variants = Array.from({ length: windows }, (_, w) => {
        if (windows === 1) return base;
        const variant = base.cloneNode(true) as Document;
        Array.from(variant.querySelectorAll(adapter.blurbSelector)).forEach((el, i) => {
          if (Math.floor(i / BLURBS_PER_WINDOW) !== w) el.remove();
        });
        return variant;
      });
      const listing = blurbCount > 1;

      const rng = mulberry32(seed);
      const failures: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const doc = variants[round % windows]!.cloneNode(true) as Document;
        const log = mutate(doc, rng, listing ? 2 + rng.int(6) : 1 + rng.int(4), regions(doc));
        const stats: RoundStats = { mutations: log.length, blurbsRead: 0, filtered: 0, readerOpened: 0, readerUntouched: 0, storyRemoved: 0 };
        const problems = await runRound(page, adapter, doc, rules, rng, round % READER_EVERY === 0, stats);
        // happy-dom keeps each changed document until its queued mutation bookkeeping runs on a later
        // task: without this pause the heap grows by a page per round.
        await settle();
        totals.rounds++;
        totals.mutations += stats.mutations;
        totals.blurbsRead += stats.blurbsRead;
        totals.filtered += stats.filtered;
        totals.readerOpened += stats.readerOpened;
        totals.readerUntouched += stats.readerUntouched;
        totals.storyRemoved += stats.storyRemoved;
        if (stats.storyRemoved) log.push('reader round: story text removed');
        if (problems.length) {
          totals.failedRounds++;
          failures.push(`round ${round} after [${log.join(' ; ')}]:\n    ${[...new Set(problems)].slice(0, 8).join('\n    ')}`);
        }
      }
      expect(failures, `seed ${hex(seed)} (base ${hex(BASE_SEED)})`).toEqual([]);
    });
  }
});
