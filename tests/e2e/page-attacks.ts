/**
 * Hostile variants of real fixtures (issue 15), made in the test from the saved pages: only markup
 * and CSS AO3's sanitizer lets a creator publish (a work skin, story HTML, a summary), served at
 * the real site's URLs with an `attack` query so they never collide with the ordinary fixtures.
 * Shared by page-attacks.e2e.test.ts (Chromium) and page-attacks-firefox.e2e.test.ts; the in-page
 * checks below are plain functions both drivers serialise.
 */
import { FIXTURE_URLS, readFixture, type FixtureFile } from './fixtures';

export const WORK: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
export const SERIES: FixtureFile = 'ao3/series-6-works-2270465.html';
export const GATE: FixtureFile = 'ao3/adult-interstitial-2022-38044144.html';
/** The warning WORK carries: a rule on it shields the work. */
export const WORK_WARNING = 'Major Character Death';
export const EVIL = 'https://evil.example';

/** The skin, and the same attack through every other property that could bring text back. */
export const SKINS: Record<string, string> = {
  'display and visibility': '#workskin, #workskin * { display: block !important; visibility: visible !important; animation: none !important; }',
  'content-visibility': '#workskin, #workskin * { content-visibility: visible !important; display: block !important; visibility: visible !important; }',
  position: '#workskin p { position: fixed !important; top: 0; left: 0; z-index: 2147483647; display: block !important; visibility: visible !important; }',
  opacity: '#workskin, #workskin * { opacity: 1 !important; visibility: visible !important; display: block !important; }',
  'clip-path': '#workskin, #workskin * { clip-path: none !important; clip: auto !important; visibility: visible !important; display: block !important; }',
  transform: '#workskin, #workskin * { transform: none !important; visibility: visible !important; display: block !important; }',
};

const STORY_PARAGRAPH = '<em>tumblr.com</em></p>'; // the story's only paragraph ends so
const text = (file: FixtureFile) => readFixture(file).toString('utf8');

function inject(html: string, anchor: string, extra: string, where: 'before' | 'after' = 'after'): string {
  const at = html.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not in fixture: ${anchor}`);
  const cut = where === 'after' ? at + anchor.length : at;
  return html.slice(0, cut) + extra + html.slice(cut);
}

/** Records, while the page is still being parsed (the story held), whether the story text shows. */
const PARSE_TIME_PROBE = `<script>window.__storyShownWhileHeld = document.querySelector('#workskin .userstuff p').checkVisibility({ visibilityProperty: true, opacityProperty: true });</script>`;

export const attackUrl = (file: FixtureFile, attack: string) => `${FIXTURE_URLS[file]}?attack=${encodeURIComponent(attack)}`;

/** A work skin, as AO3 serves one: a <style> in the head; and the parse-time probe after the story. */
export function skinnedWork(css: string): string {
  return inject(inject(text(WORK), '</head>', `<style type="text/css">${css}</style>`, 'before'), '</body>', PARSE_TIME_PROBE, 'before');
}

/** Story HTML with Lamplight's own attribute names (finding 2) and look-alikes of the reader's controls (finding 3). */
export const STORY_ATTACK = [
  '<p data-lamplight-shield="" data-lamplight-shielded="" data-lamplight-judged="">Forged marks.</p>',
  '<div class="toolbar"><span class="button">✕ Reader mode</span></div>',
  '<p class="status">Chapter 1 of 1</p>',
  `<p class="continue"><a class="button" href="${EVIL}/continue">Next chapter →</a></p>`,
  '<img src="data:image/png;base64,AAAA" onerror="window.__onerrorFired = (window.__onerrorFired || 0) + 1">',
  '<div data-action="exit" id="story-exit">Close</div>',
].join('');

export function storyAttackWork(): string {
  return inject(text(WORK), STORY_PARAGRAPH, STORY_ATTACK);
}

/** Finding 4: a series description linking to another host's "view_adult" URL. */
export function seriesWithAdultLink(): string {
  return inject(text(SERIES), '<blockquote class="userstuff"><p>', `<a href="${EVIL}/works/1?view_adult=true">a link</a> `);
}

/** Finding 4: the real gate, its Proceed link pointed at another host. */
export function gateToElsewhere(): string {
  return text(GATE).replace('href="/works/38044144/chapters/95026165?view_adult=true"', `href="${EVIL}/works/38044144/chapters/95026165?view_adult=true"`);
}

/** Finding 5: a fake blurb for `workId` claiming 999/999 chapters, nested in the FIRST blurb's summary. */
export function listingWithNestedBlurb(workId: string): string {
  const fake =
    `<ol class="work index group"><li class="work blurb group work-${workId}" role="article">` +
    `<div class="header module"><h4 class="heading"><a href="/works/${workId}">Fake</a></h4></div>` +
    '<dl class="stats"><dt class="chapters">Chapters:</dt><dd class="chapters">999/999</dd></dl></li></ol>';
  return inject(text(LISTING), '<blockquote class="userstuff summary">', fake);
}

/** Every hostile page by URL, with the fixture it was made from (its assets are that page's). */
export function attackPages(listingWorkId: string): Map<string, { file: FixtureFile; html: string }> {
  const pages = new Map<string, { file: FixtureFile; html: string }>();
  const add = (file: FixtureFile, attack: string, html: string) => pages.set(attackUrl(file, attack), { file, html });
  for (const [name, css] of Object.entries(SKINS)) add(WORK, `skin ${name}`, skinnedWork(css));
  add(WORK, 'story', storyAttackWork());
  add(SERIES, 'adult link', seriesWithAdultLink());
  add(GATE, 'gate elsewhere', gateToElsewhere());
  add(LISTING, 'nested blurb', listingWithNestedBlurb(listingWorkId));
  return pages;
}

/** Work 23306392 on LISTING shows 36/80 chapters (the second blurb, after the one whose summary holds the fake). */
export const LISTED_ID = '23306392';
export const LISTED_BOOKMARK = {
  v: 1,
  site: 'ao3',
  workId: LISTED_ID,
  url: `https://archiveofourown.org/works/${LISTED_ID}`,
  title: 'Parlay In Reverse',
  authors: ['someone'],
  fandoms: ['Star Wars'],
  chapter: 30,
  chapterCount: 36,
  chapterTotal: 80,
  progress: 0.5,
  addedAt: '2026-01-01T10:00:00.000Z',
  readAt: '2026-01-02T10:00:00.000Z',
  note: '',
  paragraph: 4,
  paragraphOffset: 0,
  newChapters: 0,
  status: 'reading',
  readerMode: false,
};

/** Finding 6: one good bookmark and four that leave their site or pass their chapter count. */
export function offSiteBookmarks(): Record<string, unknown> {
  const base = { v: 1, title: 'T', authors: [], fandoms: [], chapterTotal: null, progress: 0, addedAt: '2026-01-01T10:00:00.000Z', readAt: '2026-01-02T10:00:00.000Z', note: '', paragraph: null, paragraphOffset: 0, newChapters: 0, status: 'reading', readerMode: false, chapter: 1, chapterCount: 1 };
  return {
    'bookmark:ao3:1': { ...base, site: 'ao3', workId: '1', title: 'Good', url: 'https://archiveofourown.org/works/1' },
    'bookmark:ao3:2': { ...base, site: 'ao3', workId: '2', url: `${EVIL}/phish` },
    'bookmark:ao3:3': { ...base, site: 'ao3', workId: '3', url: 'https://archiveofourown.org.evil.example/works/3' },
    'bookmark:ffn:4': { ...base, site: 'ffn', workId: '4', url: 'http://www.fanfiction.net/s/4/1/' },
    'bookmark:ao3:5': { ...base, site: 'ao3', workId: '5', url: 'https://archiveofourown.org/works/5', chapter: 4 },
  };
}

/** A page script clicking every Lamplight button whose text starts with one of `labels` (untrusted clicks). */
export function clickAsPageScript(labels: string[]): number {
  let clicked = 0;
  for (const button of Array.from(document.querySelectorAll('button'))) {
    if (labels.some((label) => (button.textContent ?? '').includes(label))) {
      button.click();
      clicked++;
    }
  }
  return clicked;
}

// ---- In-page checks (run in the page's main world by either driver) ----------------------------

/** Whether a person could see any of the story's text now. */
export function storyTextShown(): boolean {
  const paragraphs = Array.from(document.querySelectorAll('#workskin .userstuff p'));
  return paragraphs.some((p) => p.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions));
}

/** What the reader's shadow root shows of the story's look-alikes, next to the reader's own controls. */
export function readerLookAlikes(): Record<string, unknown> {
  const root = document.getElementById('lamplight-reader-host')?.shadowRoot;
  if (!root) return { open: false };
  const css = (el: Element | null | undefined) => {
    if (!el) return null;
    const s = getComputedStyle(el);
    return [s.position, s.display, s.backgroundColor, s.borderTopStyle, s.borderRadius, s.padding].join(' | ');
  };
  const story = root.querySelector('.text');
  return {
    open: true,
    fakeToolbarLikeReal: css(story?.querySelector('.toolbar')) === css(root.querySelector('.reader > .toolbar')),
    fakeStatusLikeReal: css(story?.querySelector('.status')) === css(root.querySelector('.reader > .status')),
    fakeButtonLikeReal: css(story?.querySelector('a.button')) === css(root.querySelector('.reader > .toolbar button')),
    handlers: Array.from(root.querySelectorAll('*')).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
    storyDataAction: root.querySelectorAll('.text [data-action]').length,
    forgedMarks: root.querySelectorAll('.text [data-lamplight-shield], .text [data-lamplight-shielded]').length,
    storyTextCopied: (story?.textContent ?? '').includes('Forged marks.'),
  };
}
