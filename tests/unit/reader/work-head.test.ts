/**
 * The reader's header from real fixture pages: rating and warnings shown, the other tags behind
 * Show tags, summary and notes folded, and a tag that reads like markup kept as text.
 */
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../entrypoints/content/reader/view';
import { showTags } from '../../../entrypoints/content/reader/work-head';
import { ao3 } from '../../../lib/sites/ao3';
import { ffn } from '../../../lib/sites/ffn';
import { ao3Url, loadFixture } from '../sites/ao3-fixtures';
import { loadFixture as loadFfnFixture, pageUrl } from '../sites/ffn-fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';
const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function ao3Head(mutate?: (doc: Document) => void) {
  const doc = loadFixture('work-oneshot-orphaned-3738184.html');
  mutate?.(doc);
  const work = ao3.readWork(doc, ao3Url('/works/3738184'))!;
  const story = buildStory(document, work);
  return { head: story.main.querySelector('header.work-head')!, tags: story.tags };
}

describe('the reader’s header', () => {
  it('AO3: rating and warnings in words, tags hidden until Show tags, then Hide tags', () => {
    const { head, tags } = ao3Head();
    expect(norm(head.querySelector('.labels')?.textContent)).toBe(
      'Rating:Not Rated' +
        'Archive warnings:Creator Chose Not To Use Archive WarningsGraphic Depictions Of ViolenceMajor Character Death' +
        'No Archive Warnings ApplyRape/Non-ConUnderage Sex',
    );
    expect(tags).not.toBeNull();
    expect(tags!.panel.hidden).toBe(true);
    expect([tags!.button.textContent, tags!.button.getAttribute('aria-expanded')]).toEqual(['Show tags', 'false']);
    expect(tags!.button.getAttribute('aria-controls')).toBe(tags!.panel.id);
    expect([...tags!.panel.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Categories:',
      'Relationships:',
      'Characters:',
      'Additional tags:',
    ]);
    showTags(tags!, true);
    expect([tags!.panel.hidden, tags!.button.textContent, tags!.button.getAttribute('aria-expanded')]).toEqual([false, 'Hide tags', 'true']);
    showTags(tags!, false);
    expect([tags!.panel.hidden, tags!.button.textContent]).toEqual([true, 'Show tags']);
    expect([...head.querySelectorAll('details > summary')].map((s) => s.textContent)).toEqual(['Summary', 'Notes']);
  });

  it('a tag that reads like markup stays text; the summary keeps no handler', () => {
    const { head, tags } = ao3Head((doc) => {
      doc.querySelector('dd.freeform.tags a.tag')!.textContent = HOSTILE;
      doc.querySelector('dd.warning.tags a.tag')!.textContent = HOSTILE;
      const img = doc.createElement('img');
      img.setAttribute('src', 'data:image/png;base64,AAAA');
      img.setAttribute('onerror', 'window.fired = 1');
      doc.querySelector('div.summary.module blockquote')!.append(img);
    });
    // The only picture is the summary's own, copied clean; no tag became an element.
    expect([...head.querySelectorAll('img')].map((img) => img.closest('.notes-body') !== null)).toEqual([true]);
    expect([...tags!.panel.querySelectorAll('li')].map((li) => li.textContent)).toContain(HOSTILE);
    expect([...head.querySelectorAll('.labels li')].map((li) => li.textContent)).toContain(HOSTILE);
    const copied = head.querySelector('details .notes-body img');
    expect(copied?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(copied?.hasAttribute('onerror')).toBe(false);
  });

  it('FFN: the rating with what it means, no warnings line, genres and characters behind Show tags, the description as summary', () => {
    const file = 'ambtus-counting-ch1.html';
    const story = buildStory(document, ffn.readWork(loadFfnFixture(file), pageUrl(file))!);
    const head = story.main.querySelector('header.work-head')!;
    expect(norm(head.querySelector('.labels')?.textContent)).toBe('Rating:T (13 and older)');
    expect(norm(story.tags?.panel.textContent)).toBe('Genres:AngstRomanceCharacters:Harry P.');
    const summary = head.querySelector('details');
    expect([summary?.querySelector('summary')?.textContent, norm(summary?.querySelector('.notes-body')?.textContent)]).toEqual([
      'Summary',
      '2 connected drabbles.',
    ]);
  });
});
