/** Shape checks for what the adapters return: every problem found, as text (empty: well-formed). */
import type { Blurb, LinkRule, Work, WorkMeta } from '../../../lib/sites/types';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && Number.isInteger(v);
const isAbsoluteHttpUrl = (v: unknown): boolean => {
  if (!isString(v)) return false;
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** JSON, but Infinity and NaN shown as such (JSON.stringify writes them as null). */
const show = (v: unknown) =>
  (JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v)).slice(0, 300);

export function workMetaProblems(meta: WorkMeta, where = 'meta'): string[] {
  const p: string[] = [];
  const m = meta as unknown as Record<string, unknown>;
  const need = (ok: boolean, what: string) => {
    if (!ok) p.push(`${where}.${what}: ${show(m[what])}`);
  };
  need(meta.site === 'ao3' || meta.site === 'ffn', 'site');
  need(isString(meta.id) && /^\d+$/.test(meta.id), 'id');
  need(isAbsoluteHttpUrl(meta.url), 'url');
  need(isString(meta.title), 'title');
  need(
    Array.isArray(meta.authors) &&
      meta.authors.every((a) => isString(a.pseud) && isString(a.login) && isString(a.url) && isAbsoluteHttpUrl(a.url)),
    'authors',
  );
  need(typeof meta.anonymous === 'boolean', 'anonymous');
  for (const key of ['fandoms', 'warnings', 'categories', 'relationships', 'characters', 'freeforms'] as const) {
    need(isStringArray(meta[key]), key);
  }
  need(meta.rating === null || isString(meta.rating), 'rating');
  need(meta.language === null || isString(meta.language), 'language');
  need(meta.words === null || isCount(meta.words), 'words');
  need(
    meta.chapters === null ||
      (typeof meta.chapters === 'object' &&
        isCount(meta.chapters.posted) &&
        (meta.chapters.expected === null || isCount(meta.chapters.expected))),
    'chapters',
  );
  need(meta.complete === null || typeof meta.complete === 'boolean', 'complete');
  need(meta.updated === null || (isString(meta.updated) && /^\d{4}-\d{2}-\d{2}$/.test(meta.updated)), 'updated');
  need(isString(meta.summary), 'summary');
  need(
    Array.isArray(meta.series) &&
      meta.series.every(
        (s) => isString(s.id) && isString(s.title) && (s.part === null || isCount(s.part)) && isString(s.url),
      ),
    'series',
  );
  return p;
}

export function blurbProblems(blurb: Blurb, root: ParentNode): string[] {
  const p = workMetaProblems(blurb.meta, `blurb ${blurb.meta?.id}`);
  if (!(blurb.element instanceof Element)) p.push('blurb.element is not an element');
  else if (root instanceof Node && !root.contains(blurb.element)) p.push('blurb.element is outside the root it was read from');
  if (typeof blurb.own !== 'boolean') p.push('blurb.own is not a boolean');
  return p;
}

export function workProblems(work: Work, doc: Document): string[] {
  const p = workMetaProblems(work.meta, 'work.meta');
  const inDoc = (el: unknown) => el instanceof Element && doc.contains(el);
  const optionalInDoc = (el: unknown) => el === null || inDoc(el);
  const optionalUrl = (u: unknown) => u === null || isAbsoluteHttpUrl(u);
  if (!Array.isArray(work.chapterList)) p.push('work.chapterList is not an array');
  else
    for (const c of work.chapterList)
      if (!isCount(c.number) || !isString(c.title) || !isAbsoluteHttpUrl(c.url)) p.push(`work.chapterList: ${JSON.stringify(c).slice(0, 200)}`);
  if (!(work.currentChapter === null || isCount(work.currentChapter))) p.push(`work.currentChapter: ${work.currentChapter}`);
  if (typeof work.entireWork !== 'boolean') p.push('work.entireWork');
  if (!Array.isArray(work.chapters)) p.push('work.chapters is not an array');
  else
    for (const c of work.chapters) {
      if (!isCount(c.number) || !isString(c.title)) p.push(`work.chapters: number ${c.number}, title ${String(c.title).slice(0, 80)}`);
      if (!inDoc(c.body)) p.push('work.chapters[].body is not an element of the page');
      for (const k of ['summary', 'notes', 'endNotes'] as const) if (!optionalInDoc(c[k])) p.push(`work.chapters[].${k}`);
    }
  for (const k of ['summary', 'notes', 'endNotes', 'navigation'] as const) if (!optionalInDoc(work[k])) p.push(`work.${k}`);
  if (!inDoc(work.content)) p.push('work.content is not an element of the page');
  const labels = work.labels;
  if (!labels || !(labels.rating === null || isString(labels.rating))) p.push('work.labels.rating');
  else {
    if (!(labels.ratingMeaning === null || isString(labels.ratingMeaning))) p.push('work.labels.ratingMeaning');
    if (!(labels.warnings === null || isStringArray(labels.warnings))) p.push('work.labels.warnings');
    const kinds = ['categories', 'relationships', 'characters', 'freeforms', 'genres'];
    const groupsOk = Array.isArray(labels.tagGroups) && labels.tagGroups.every((g) => kinds.includes(g.kind) && isStringArray(g.tags) && g.tags.length > 0);
    if (!groupsOk) p.push(`work.labels.tagGroups: ${show(labels.tagGroups)}`);
  }
  for (const k of ['prevUrl', 'nextUrl', 'entireWorkUrl'] as const) if (!optionalUrl(work[k])) p.push(`work.${k}: ${String(work[k]).slice(0, 200)}`);
  return p;
}

export function linkRuleProblems(rule: LinkRule | null): string[] {
  if (rule === null) return [];
  const p: string[] = [];
  if (rule.field !== 'tag' && rule.field !== 'author' && rule.field !== 'series') p.push(`ruleForLink field ${String(rule.field)}`);
  if (!isString(rule.pattern) || rule.pattern.trim() === '') p.push(`ruleForLink pattern ${JSON.stringify(rule.pattern)}`);
  return p;
}

export function workIdProblems(id: string | null): string[] {
  return id === null || (isString(id) && /^\d+$/.test(id)) ? [] : [`workIdFromUrl gave ${JSON.stringify(id).slice(0, 200)}`];
}
