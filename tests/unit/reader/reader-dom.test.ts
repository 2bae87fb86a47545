/**
 * The reader built from a real AO3 page: a DOM test in happy-dom, with every network load switched off.
 * @vitest-environment happy-dom
 * @vitest-environment-options {"url":"https://archiveofourown.org/","settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReaderFeature, HOST_ID } from '../../../entrypoints/content/reader';
import type { OpenReaderView } from '../../../entrypoints/content/state/reader';
import { DEFAULT_READER_SETTINGS } from '../../../lib/reader/settings';
import { ao3 } from '../../../lib/sites/ao3';
import type { SiteAdapter, Work } from '../../../lib/sites/types';
import { readerSettingsItem } from '../../../lib/storage/items';
import { setJudging, setVerdict } from '../../../entrypoints/content/state/verdicts';
import { startOnPage, type StartedPage } from '../../support/content-page';
import { fixtureText } from '../../support/fixtures';


const CHAPTER2 = {
  file: 'ao3/work-wip-14ch-chapter2-17793689.html',
  url: 'https://archiveofourown.org/works/17793689/chapters/42035519',
};

/** Loads a saved page into the test document (scripts, styles and frames left out: no network, no jQuery). */
function loadPage(file: string, url: string): void {
  const text = fixtureText(file);
  const parsed = new DOMParser().parseFromString(text, 'text/html');
  for (const el of Array.from(parsed.querySelectorAll('script, link, iframe, noscript'))) el.remove();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.append(page);
}

const serialize = (node: Node) => new XMLSerializer().serializeToString(node);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const host = () => document.getElementById(HOST_ID);
const shadow = () => host()?.shadowRoot ?? null;
const readerButton = (name: string) =>
  Array.from(shadow()?.querySelectorAll('button') ?? []).find(
    (b) => !b.hidden && b.querySelector('.label')?.textContent === name,
  );
const siteToggle = () => document.querySelector<HTMLButtonElement>('button[data-lamplight-reader-toggle]');

/** The paragraphs of the site's chapter text, as the reader must show them. */
function sourceParagraphs(): string[] {
  const body = document.querySelector('#chapters div.chapter > div.userstuff');
  return Array.from(body?.querySelectorAll('p') ?? [])
    .map((p) => p.textContent?.trim() ?? '')
    .filter(Boolean);
}

let navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
const stops: (() => void)[] = [];
/** The page the reader was last started on (its event hub). */
let current: StartedPage | null = null;

async function start(url = CHAPTER2.url, adapter: SiteAdapter = ao3) {
  const feature = createReaderFeature({
    navigate: (u) => navigate(u),
    fontUrl: (f) => `chrome-extension://test/fonts/${f}`,
    saveDelayMs: 0,
  });
  current = startOnPage(adapter, url, 'work', [feature]);
  stops.push(current.stop);
  await settle();
  return current.stop;
}

/** What the filters do when a verdict changes: keep it in memory, then tell the page's hub. */
function judged(element: HTMLElement, verdict: 'shown' | 'shielded') {
  setVerdict(element, verdict);
  current?.page.events.emit('filter:verdicts');
}

beforeEach(() => {
  fakeBrowser.reset();
  navigate = vi.fn<(url: string) => void>();
  loadPage(CHAPTER2.file, CHAPTER2.url);
  window.scrollTo(0, 0);
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('reader mode on an AO3 chapter page (fixture: 14-chapter WIP, chapter 2)', () => {
  it('adds a Reader mode toggle to the work navigation bar', async () => {
    await start();
    const toggle = siteToggle();
    expect(toggle?.textContent).toBe('Reader mode');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
    expect(toggle?.closest('li')?.parentElement?.matches('ul.work.navigation.actions')).toBe(true);
    expect(host()).toBeNull();
  });

  it('opens: the story is copied into an open shadow root and the site is hidden', async () => {
    await start();
    const paragraphs = sourceParagraphs();
    expect(paragraphs.length).toBeGreaterThan(10);
    siteToggle()?.click();

    expect(document.documentElement.getAttribute('data-lamplight-reader')).toBe('on');
    expect(siteToggle()?.getAttribute('aria-pressed')).toBe('true');
    const root = shadow();
    expect(root).not.toBeNull();
    // Beside body, not in it: the site's body is hidden whole, and its markup never changes.
    expect(host()?.parentElement).toBe(document.documentElement);
    expect(document.body.contains(host())).toBe(false);

    const text = root?.querySelector('.text');
    const shown = Array.from(text?.querySelectorAll('p') ?? []).map((p) => p.textContent?.trim() ?? '').filter(Boolean);
    expect(shown[0]).toBe(paragraphs[0]);
    expect(shown.at(-1)).toBe(paragraphs.at(-1));
    expect(shown).toEqual(paragraphs);

    // Title, byline, fandoms, chapter heading; notes folded in <details>.
    expect(root?.querySelector('h1')?.textContent).toBe(document.querySelector('h2.title.heading')?.textContent?.trim());
    expect(root?.querySelector('.byline')?.textContent).toMatch(/^by /);
    expect(root?.querySelector('.fandoms')?.textContent).toContain('Dragon Age');
    expect(root?.querySelector('.chapter-title')?.textContent).toMatch(/^Chapter 2: The College of Enchanters/);
    const details = Array.from(root?.querySelectorAll('details') ?? []);
    expect(details.map((d) => d.querySelector('summary')?.textContent)).toEqual(
      expect.arrayContaining(['Chapter summary', 'Chapter notes']),
    );
    for (const d of details) expect(d.open).toBe(false);

    // The site's page is hidden by our stylesheet (content-visibility: hidden): its body, whole.
    const pageStyle = document.getElementById('lamplight-reader-page-style');
    expect(pageStyle?.parentElement).toBe(document.head);
    expect(pageStyle?.textContent).toContain(
      'html[data-lamplight-reader="on"] > body { content-visibility: hidden !important; opacity: 0 !important; }',
    );
    expect(document.body.matches('html[data-lamplight-reader="on"] > body')).toBe(true);
    expect(getComputedStyle(document.body).opacity).toBe('0');

    // Focus moved into the reader.
    expect(document.activeElement).toBe(host());
    expect(root?.activeElement?.classList.contains('reader')).toBe(true);
  });

  it('copies nodes, never moves them, and closing restores body, URL and scroll exactly', async () => {
    await start();
    window.scrollTo(0, 400);
    const before = serialize(document.body);
    const urlBefore = location.href;
    const storyBefore = document.querySelector('#chapters')?.childNodes.length;

    siteToggle()?.click();
    expect(location.hash).toBe('#lamplight-reader');
    expect(document.querySelector('#chapters')?.childNodes.length).toBe(storyBefore);

    readerButton('Reader mode')?.click();

    expect(serialize(document.body)).toBe(before);
    expect(document.documentElement.hasAttribute('data-lamplight-reader')).toBe(false);
    expect(document.getElementById('lamplight-reader-page-style')).toBeNull();
    expect(location.href).toBe(urlBefore);
    expect(window.scrollY).toBe(400);
    expect(document.activeElement).toBe(siteToggle());
  });

  it('offers previous/next chapter, navigating with the reader marker', async () => {
    await start();
    siteToggle()?.click();
    readerButton('Next chapter')?.click();
    expect(navigate).toHaveBeenLastCalledWith(
      'https://archiveofourown.org/works/17793689/chapters/42143897#lamplight-reader',
    );
    readerButton('Previous chapter')?.click();
    expect(navigate).toHaveBeenLastCalledWith(
      'https://archiveofourown.org/works/17793689/chapters/41980418#lamplight-reader',
    );
  });

  it('moves between chapters with arrow keys and j/k, but not while typing', async () => {
    await start();
    siteToggle()?.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(navigate).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(navigate).toHaveBeenLastCalledWith(expect.stringContaining('/chapters/41980418#lamplight-reader'));

    readerButton('Reader settings')?.click();
    const slider = shadow()?.querySelector<HTMLInputElement>('input[name="fontSize"]');
    slider?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it('lists the chapters as links that keep the reader on', async () => {
    await start();
    siteToggle()?.click();
    const links = Array.from(shadow()?.querySelectorAll<HTMLAnchorElement>('.chapter-list a') ?? []);
    expect(links).toHaveLength(14);
    expect(links[2]?.href).toBe('https://archiveofourown.org/works/17793689/chapters/42143897#lamplight-reader');
    expect(links[1]?.getAttribute('aria-current')).toBe('page');
  });

  it('applies settings live and saves them', async () => {
    await start();
    siteToggle()?.click();
    readerButton('Reader settings')?.click();
    const panel = shadow()?.querySelector('.settings');
    expect(panel?.hasAttribute('hidden')).toBe(false);

    const slider = shadow()?.querySelector<HTMLInputElement>('input[name="fontSize"]');
    if (!slider) throw new Error('no font size slider');
    slider.value = '24';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const reader = shadow()?.querySelector<HTMLElement>('.reader');
    expect(reader?.style.getPropertyValue('--ll-size')).toBe('24px');

    const sepia = shadow()?.querySelector<HTMLInputElement>('input[name="theme"][value="sepia"]');
    if (!sepia) throw new Error('no sepia choice');
    sepia.checked = true;
    sepia.dispatchEvent(new Event('input', { bubbles: true }));
    expect(reader?.dataset.theme).toBe('sepia');

    await new Promise((resolve) => setTimeout(resolve, 10));
    const saved = await readerSettingsItem.getValue();
    expect(saved).toMatchObject({ fontSize: 24, theme: 'sepia' });
  });

  it('registers the shipped dyslexia-friendly font once chosen, and keeps it across close and open', async () => {
    await start();
    const registered = () =>
      document.querySelector('style[data-lamplight-fonts]') !== null ||
      Array.from((document as Document & { fonts?: Iterable<FontFace> }).fonts ?? []).some((f) =>
        f.family.includes('Lamplight OpenDyslexic'),
      );
    expect(registered()).toBe(false);
    siteToggle()?.click();
    readerButton('Reader settings')?.click();
    const dyslexic = shadow()?.querySelector<HTMLInputElement>('input[name="font"][value="dyslexic"]');
    if (!dyslexic) throw new Error('no dyslexic choice');
    dyslexic.checked = true;
    dyslexic.dispatchEvent(new Event('input', { bubbles: true }));
    expect(registered()).toBe(true);
    expect(shadow()?.querySelector<HTMLElement>('.reader')?.style.getPropertyValue('--ll-font')).toContain(
      'Lamplight OpenDyslexic',
    );
    const css = document.querySelector('style[data-lamplight-fonts]')?.textContent ?? '';
    if (css) expect(css).toContain('chrome-extension://test/fonts/opendyslexic-latin-400-normal.woff2');
    readerButton('Reader mode')?.click();
    expect(registered()).toBe(true);
    stops.pop()?.();
    expect(registered()).toBe(false);
  });

  it('follows settings changed elsewhere while open', async () => {
    await start();
    siteToggle()?.click();
    await readerSettingsItem.setValue({ ...DEFAULT_READER_SETTINGS, theme: 'black', width: 50 });
    await settle();
    const reader = shadow()?.querySelector<HTMLElement>('.reader');
    expect(reader?.dataset.theme).toBe('black');
    expect(reader?.style.getPropertyValue('--ll-measure')).toBe('50ch');
  });

  it('opens by itself when "Open every work in reader mode" is on', async () => {
    await readerSettingsItem.setValue({ ...DEFAULT_READER_SETTINGS, openAutomatically: true, theme: 'dark' });
    await start();
    expect(document.documentElement.getAttribute('data-lamplight-reader')).toBe('on');
    expect(shadow()?.querySelector<HTMLElement>('.reader')?.dataset.theme).toBe('dark');
  });

  it('stays on across chapters: a marked URL opens the reader', async () => {
    loadPage(CHAPTER2.file, `${CHAPTER2.url}#lamplight-reader`);
    await start(`${CHAPTER2.url}#lamplight-reader`);
    expect(document.documentElement.getAttribute('data-lamplight-reader')).toBe('on');
    readerButton('Reader mode')?.click();
    expect(location.href).toBe(CHAPTER2.url);
  });

  it('toggles on the reader:toggle message and answers with the state', async () => {
    await start();
    const [on] = await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {});
    expect(on).toEqual({ readerOn: true });
    const [off] = await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {});
    expect(off).toEqual({ readerOn: false });
    expect(host()).toBeNull();
  });

  it('stop undoes everything, reader open or not', async () => {
    const pristine = serialize(document.body);
    const stop = await start();
    siteToggle()?.click();
    stop();
    expect(serialize(document.body)).toBe(pristine);
    expect(document.documentElement.hasAttribute('data-lamplight-reader')).toBe(false);
  });

  it('hands other features its toolbar slot when it opens, and says when it closes', async () => {
    await start();
    const seen: (OpenReaderView | null)[] = [];
    const listening = new AbortController();
    current!.page.events.on('reader:change', (view) => {
      seen.push(view);
      view?.bookmarkSlot.append(Object.assign(document.createElement('button'), { textContent: 'Bookmark' }));
    }, listening.signal);
    siteToggle()?.click();
    expect(shadow()?.querySelector('[data-lamplight-slot="bookmark"] button')?.textContent).toBe('Bookmark');
    readerButton('Reader mode')?.click();
    expect(seen.map((view) => view !== null)).toEqual([true, false]);
    listening.abort();
  });
});

describe('reader mode and the filters’ shield', () => {
  const workskin = () => document.getElementById('workskin') as HTMLElement;
  afterEach(() => {
    setVerdict(workskin(), null);
    setJudging(false);
  });

  it('will not open over a shielded work, and says why', async () => {
    setVerdict(workskin(), 'shielded');
    await start();
    siteToggle()?.click();
    expect(host()).toBeNull();
    expect(siteToggle()?.getAttribute('aria-pressed')).toBe('false');
    expect(document.querySelector('[data-lamplight-notice]')).not.toBeNull();
  });

  it('opens by itself only once "Show anyway" lifts the shield', async () => {
    await readerSettingsItem.setValue({ ...DEFAULT_READER_SETTINGS, openAutomatically: true });
    setJudging(true);
    setVerdict(workskin(), 'shielded');
    await start();
    expect(host()).toBeNull();
    judged(workskin(), 'shown');
    await settle();
    expect(host()).not.toBeNull();
  });

  it('waits for the filters to judge the work before opening by itself', async () => {
    await readerSettingsItem.setValue({ ...DEFAULT_READER_SETTINGS, openAutomatically: true });
    setJudging(true);
    await start();
    expect(host()).toBeNull();
    judged(workskin(), 'shown');
    await settle();
    expect(host()).not.toBeNull();
  });

  it('never takes the page’s own data-lamplight-* markup for the filters’ marks', async () => {
    // Story markup (or a page script) can write any attribute: none of these decide anything.
    const story = workskin().querySelector('.userstuff p') as HTMLElement;
    story.setAttribute('data-lamplight-shield', '');
    story.setAttribute('data-lamplight-shielded', '');
    workskin().setAttribute('data-lamplight-shielded', '');
    const fakeHold = document.createElement('style');
    fakeHold.dataset.lamplight = 'hold';
    document.head.append(fakeHold);
    await start();
    siteToggle()?.click();
    expect(host()).not.toBeNull();
    expect(document.querySelector('[data-lamplight-notice]')).toBeNull();
  });
});

describe('reader mode on odd pages', () => {
  function fakeAdapter(readWork: SiteAdapter['readWork']): SiteAdapter {
    return { ...ao3, readWork };
  }

  it('leaves a page whose work cannot be read untouched, with a message if asked', async () => {
    const pristine = serialize(document.body);
    await start(CHAPTER2.url, fakeAdapter(() => null));
    expect(siteToggle()).toBeNull();
    expect(serialize(document.body)).toBe(pristine);
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {});
    expect(answer).toEqual({ readerOn: false });
    expect(document.querySelector('[data-lamplight-notice]')).not.toBeNull();
  });

  it('survives an adapter that throws', async () => {
    await expect(
      start(
        CHAPTER2.url,
        fakeAdapter(() => {
          throw new Error('boom');
        }),
      ),
    ).resolves.toBeTypeOf('function');
    expect(siteToggle()).toBeNull();
  });

  it('shows an empty chapter with a note instead of failing', async () => {
    const real = ao3.readWork(document, new URL(CHAPTER2.url));
    if (!real) throw new Error('adapter could not read the fixture');
    const empty = document.createElement('div');
    const work: Work = { ...real, chapters: [{ ...real.chapters[0]!, body: empty }] };
    await start(CHAPTER2.url, fakeAdapter(() => work));
    siteToggle()?.click();
    expect(shadow()?.querySelector('.text .empty')?.textContent).toBe('This chapter has no text.');
  });

  it('adds a fixed toggle when the work has no navigation bar', async () => {
    const real = ao3.readWork(document, new URL(CHAPTER2.url));
    if (!real) throw new Error('adapter could not read the fixture');
    await start(CHAPTER2.url, fakeAdapter(() => ({ ...real, navigation: null })));
    const toggle = siteToggle();
    expect(toggle?.parentElement).toBe(document.body);
    expect(toggle?.style.position).toBe('fixed');
  });
});
