
/**
 * ao3.readBlurbs: full WorkMeta of chosen blurbs (expected values in ao3-blurb-expected.ts, read
 * from the HTML), and blurbs changed the way AO3 preferences and bookmark pages change them.
 */

import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import type { Blurb } from '../../../lib/sites/types';
import { BLURBS } from './ao3-blurb-expected';
import { ao3Url, loadFixture, sharedFixture } from './ao3-fixtures';

const LISTING_URL = ao3Url('/tags/Some%20Tag/works');

function blurbOf(file: string, workId: string): Blurb | undefined {
  return ao3.readBlurbs(sharedFixture(file), LISTING_URL).find((blurb) => blurb.meta.id === workId);
}

describe('ao3.readBlurbs: WorkMeta of chosen blurbs', () => {
  it.each(BLURBS)('$file: work $meta.id', ({ file, meta }) => {
    expect(blurbOf(file, meta.id)?.meta).toEqual(meta);
  });

  it('gives the li itself as the blurb element', () => {
    const blurb = blurbOf('bookmarks-user-logged-in-2025-09.html', '45184951');
    expect(blurb?.element.id).toBe('bookmark_2181848826');
    expect(blurb?.element.tagName).toBe('LI');
  });

  it('reads a blurb when given the li itself as root', () => {
    const doc = sharedFixture('listing-tag-works-single-result.html');
    const li = doc.querySelector('#work_29881599');
    if (!li) throw new Error('fixture changed');
    expect(ao3.readBlurbs(li, LISTING_URL).map((blurb) => blurb.meta.id)).toEqual(['29881599']);
  });

  it('reads only the blurbs under a given container', () => {
    const doc = sharedFixture('series-6-works-2270465.html');
    const list = doc.querySelector('ul.series.work.index.group');
    if (!list) throw new Error('fixture changed');
    expect(ao3.readBlurbs(list, LISTING_URL)).toHaveLength(6);
    expect(ao3.readBlurbs(doc.querySelector('#footer') ?? doc.createElement('div'), LISTING_URL)).toEqual([]);
  });
});

describe('ao3.readBlurbs: hidden warnings and bookmarker tags', () => {
  it("falls back to the warning symbol's title when the viewer hides warning tags", () => {
    // AO3: with "Hide warnings" on, li.warnings holds a "Show warnings" link instead of the tags
    const doc = loadFixture('listing-tag-works-choose-not-to-warn.html');
    const blurb = doc.querySelector('#work_78858976');
    const warningTags = blurb?.querySelectorAll(':scope > ul.tags > li.warnings');
    if (!blurb || !warningTags || warningTags.length !== 2) throw new Error('fixture changed');
    const hidden = doc.createElement('li');
    hidden.className = 'warnings';
    hidden.id = 'work_78858976_category_warnings';
    const strong = doc.createElement('strong');
    const show = doc.createElement('a');
    show.setAttribute('data-remote', 'true');
    show.setAttribute('href', '/tags/show_hidden?creation_id=78858976&creation_type=Work&tag_type=warnings');
    show.textContent = 'Show warnings';
    strong.append(show);
    hidden.append(strong);
    warningTags[0]?.replaceWith(hidden);
    warningTags[1]?.remove();

    const meta = ao3.readBlurbs(doc, LISTING_URL).find((b) => b.meta.id === '78858976')?.meta;
    // symbol title "Creator Chose Not To Use Archive Warnings, No Archive Warnings Apply"
    expect(meta?.warnings).toEqual(['Choose Not To Use Archive Warnings', 'No Archive Warnings Apply']);
    expect(meta?.relationships).toEqual(['child reader - Relationship', 'crew x reader']);
  });

  it('falls back to the symbol title when li.warnings is missing altogether (2025 tag-name spelling)', () => {
    const doc = loadFixture('bookmarks-user-logged-in-2025-09.html');
    const blurb = doc.querySelector('#bookmark_1646028805');
    // its warning symbol's title uses the tag name: "Choose Not To Use Archive Warnings"
    expect(blurb?.querySelector('span.warnings')?.getAttribute('title')).toBe('Choose Not To Use Archive Warnings');
    blurb?.querySelector(':scope > ul.tags > li.warnings')?.remove();
    const meta = ao3.readBlurbs(doc, LISTING_URL).find((b) => b.meta.id === '41962995')?.meta;
    expect(meta?.warnings).toEqual(['Choose Not To Use Archive Warnings']);
  });

  it("reads the bookmarked work's tags, never the bookmarker's tags, collections or notes", () => {
    const doc = loadFixture('bookmarks-user-logged-in-2025-09.html');
    const userModule = doc.querySelector('#bookmark_2181848826 > div.user.module');
    if (!userModule) throw new Error('fixture changed');
    // AO3 bookmarks page: bookmarker's tags ul.meta.tags.commas, notes blockquote.userstuff.notes
    const heading = doc.createElement('h6');
    heading.className = 'meta heading';
    heading.textContent = "Bookmarker's Tags:";
    const tags = doc.createElement('ul');
    tags.className = 'meta tags commas';
    for (const [kind, name] of [
      ['warnings', 'Major Character Death'],
      ['freeforms', 'to read later'],
    ]) {
      const item = doc.createElement('li');
      item.className = kind ?? '';
      const link = doc.createElement('a');
      link.className = 'tag';
      link.setAttribute('href', `/tags/${encodeURIComponent(name ?? '')}/bookmarks`);
      link.textContent = name ?? '';
      item.append(link);
      tags.append(item);
    }
    const notes = doc.createElement('blockquote');
    notes.className = 'userstuff notes summary';
    notes.textContent = 'my private note';
    userModule.append(heading, tags, notes);

    const meta = ao3.readBlurbs(doc, LISTING_URL).find((b) => b.meta.id === '45184951')?.meta;
    const expected = BLURBS.find((c) => c.meta.id === '45184951')?.meta;
    expect(meta).toEqual(expected);
  });

  it('reads a tag-landing bookmark blurb (one bookmarkable, short bookmarker blurbs inside) once', () => {
    // AO3 bookmarks page: li.bookmark.blurb holding the work, with li.user.short.blurb entries inside
    const doc = loadFixture('listing-tag-works-single-result.html');
    const work = doc.querySelector('#work_29881599');
    const list = work?.parentElement;
    if (!work || !list) throw new Error('fixture changed');
    const bookmark = work.cloneNode(true) as HTMLElement;
    bookmark.id = 'bookmark_29881599';
    bookmark.className = 'bookmark blurb group work-29881599 user-2526586';
    const recent = doc.createElement('div');
    recent.className = 'recent module group';
    const shorts = doc.createElement('ul');
    shorts.className = 'bookmark index group';
    const short = doc.createElement('li');
    short.className = 'user short blurb group user-77';
    const shortTags = doc.createElement('ul');
    shortTags.className = 'meta tags commas';
    short.append(shortTags);
    shorts.append(short);
    recent.append(shorts);
    bookmark.append(recent);
    list.replaceChildren(bookmark);

    const blurbs = ao3.readBlurbs(doc, LISTING_URL);
    expect(blurbs.map((b) => [b.element.id, b.meta.id])).toEqual([['bookmark_29881599', '29881599']]);
    expect(blurbs[0]?.meta).toEqual(BLURBS.find((c) => c.meta.id === '29881599')?.meta);
    expect(Array.from(doc.querySelectorAll(ao3.blurbSelector))).toEqual([bookmark]);
  });
});
