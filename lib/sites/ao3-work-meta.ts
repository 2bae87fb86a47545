/** The WorkMeta and WorkLabels of an AO3 work page, from dl.work.meta.group and the work preface. */

import type { TagGroup, WorkLabels, WorkMeta } from './types';
import { completeFromCount, parseChapterCount, readByline, readSeries, tagTexts } from './ao3-fields';
import { mostSevereRating, warningsFromLinks } from './ao3-tags';
import { tagNameFromHref, workUrl } from './ao3-urls';
import { isoDate, parseCount, plainText, textOf } from './text';

/** The work preface (title, byline, work summary and notes) at the top of #workskin. */
export function workPreface(content: Element): Element | null {
  return content.querySelector(':scope > div.preface.group:not(.afterword):not(.chapter)');
}

/** The tag links of one tag type in the meta block (dd.rating.tags, dd.warning.tags, …). */
function metaTagLinks(meta: Element | null, type: string): Element[] {
  return meta ? Array.from(meta.querySelectorAll(`dd.${type}.tags a.tag`)) : [];
}

/** Canonical tag names from the hrefs of tag links. */
function canonicalNames(links: Element[]): string[] {
  return links
    .map((link) => tagNameFromHref(link.getAttribute('href')))
    .filter((name): name is string => name !== null && name !== '');
}

function statsValue(meta: Element | null, name: string): Element | null {
  return meta?.querySelector(`dd.stats dd.${name}`) ?? null;
}

/** The last update: the "Updated:"/"Completed:" date of a chaptered work, else the published date. */
function lastUpdate(meta: Element | null): string | null {
  return isoDate(textOf(statsValue(meta, 'status'))) ?? isoDate(textOf(statsValue(meta, 'published')));
}

/** WorkMeta and WorkLabels from the page's meta block and preface (either may be missing), each tag list read once. */
export function readWorkMeta(doc: Document, content: Element, id: string): { meta: WorkMeta; labels: WorkLabels } {
  const meta = doc.querySelector('dl.work.meta.group');
  const preface = workPreface(content);
  const { authors, anonymous } = readByline(preface?.querySelector(':scope > .byline') ?? null);
  const chapters = parseChapterCount(textOf(statsValue(meta, 'chapters')));
  const language = textOf(meta?.querySelector('dd.language'));
  const warningLinks = metaTagLinks(meta, 'warning');
  const categoryLinks = metaTagLinks(meta, 'category');
  const work: WorkMeta = {
    site: 'ao3',
    id,
    url: workUrl(id),
    title: textOf(preface?.querySelector(':scope > .title')),
    authors,
    anonymous,
    fandoms: tagTexts(metaTagLinks(meta, 'fandom')),
    rating: mostSevereRating(canonicalNames(metaTagLinks(meta, 'rating'))),
    warnings: warningsFromLinks(warningLinks),
    categories: canonicalNames(categoryLinks),
    relationships: tagTexts(metaTagLinks(meta, 'relationship')),
    characters: tagTexts(metaTagLinks(meta, 'character')),
    freeforms: tagTexts(metaTagLinks(meta, 'freeform')),
    language: language || null,
    words: parseCount(textOf(statsValue(meta, 'words'))),
    chapters,
    complete: completeFromCount(chapters),
    updated: lastUpdate(meta),
    summary: plainText(preface?.querySelector(':scope > div.summary.module > blockquote.userstuff')),
    series: readSeries(meta ? meta.querySelectorAll('dd.series span.series') : []),
  };
  const groups: TagGroup[] = [
    { kind: 'categories', tags: tagTexts(categoryLinks) },
    { kind: 'relationships', tags: work.relationships },
    { kind: 'characters', tags: work.characters },
    { kind: 'freeforms', tags: work.freeforms },
  ];
  const labels: WorkLabels = {
    rating: work.rating,
    ratingMeaning: null, // AO3's rating names say what they mean
    // As the page words them ("Creator Chose Not To Use Archive Warnings"), not the tag names the filters use.
    warnings: tagTexts(warningLinks),
    tagGroups: groups.filter((group) => group.tags.length > 0),
  };
  return { meta: work, labels };
}
