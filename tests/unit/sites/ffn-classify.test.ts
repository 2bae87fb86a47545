/**
 * ffn.classify for every FanFiction.net fixture: the three real story pages (tests/fixtures/ffn)
 * and the two HAND-WRITTEN pages (tests/fixtures/ffn: a listing and a "Story Not Found" page).
 */

import { describe, expect, it } from 'vitest';
import { ffn } from '../../../lib/sites/ffn';
import type { PageKind } from '../../../lib/sites/types';
import { ffnUrl, loadFixture, pageUrl, parseHtml, sharedFixture, type FfnPage } from './ffn-fixtures';

describe('every fixture', () => {
  it.each<[FfnPage, PageKind]>([
    ['ambtus-counting-ch1.html', 'work'],
    ['ambtus-counting-ch2.html', 'work'],
    ['stuck-sga-ch1-old-layout.html', 'work'],
    ['listing-handwritten.html', 'listing'],
    ['story-not-found-handwritten.html', 'not-found'],
  ])('%s is %s', (file, kind) => {
    expect(ffn.classify(sharedFixture(file), pageUrl(file))).toBe(kind);
  });
});

describe('edge cases', () => {
  it('a story page served at an odd URL is still a work (FFN\'s canonical link names the story)', () => {
    expect(ffn.classify(sharedFixture('ambtus-counting-ch1.html'), ffnUrl('/'))).toBe('work');
  });

  it('a story page without its story text is not a work', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    doc.querySelector('#storytext')?.remove();
    expect(ffn.classify(doc, pageUrl('ambtus-counting-ch1.html'))).toBe('other');
    expect(ffn.readWork(doc, pageUrl('ambtus-counting-ch1.html'))).toBeNull();
  });

  it('"Chapter not found" (a chapter past the last one) is not-found too', () => {
    const doc = parseHtml("<div id=content_wrapper_inner><span class='gui_warning'>Chapter not found. Please check to see you are not using an outdated url.</span></div>");
    expect(ffn.classify(doc, ffnUrl('/s/5853866/9/Counting'))).toBe('not-found');
  });

  it('"Story is unavailable for reading" (the other wording) is not-found', () => {
    const doc = parseHtml("<div class='panel_warning'><span class='gui_warning'>Story Not Found<hr size=1 noshade>Story is unavailable for reading. (A)</span></div>");
    expect(ffn.classify(doc, ffnUrl('/s/1/1/'))).toBe('not-found');
  });

  it('z-list entries without a story link (beta readers, forums) do not make a listing', () => {
    const doc = parseHtml("<div class='z-list'><a href='/u/1/Beta'>Beta</a> <div class='z-indent'>Reads anything.</div></div>");
    expect(ffn.classify(doc, ffnUrl('/betareaders/book/Harry-Potter/'))).toBe('other');
  });

  it('the home page, an empty page and text are "other"', () => {
    for (const html of ['', 'just text', "<div id=content_wrapper_inner><a href='/book/'>Books</a></div>"]) {
      expect(ffn.classify(parseHtml(html), ffnUrl('/'))).toBe('other');
    }
  });

  it('the mobile edition\'s story text (#storycontent) on a story URL is a work', () => {
    const doc = parseHtml("<div id=content><div align=center><b>A Story</b> by <a href='/u/1/Someone'>Someone</a></div><div id=storycontent class='storycontent nocopy'><p>Text.</p></div></div>");
    expect(ffn.classify(doc, new URL('https://m.fanfiction.net/s/8000001/1/A-Story'))).toBe('work');
  });
});
