/**
 * The reader's opening triggers, each on its own: the `reader:toggle` message, the URL marker, and
 * opening by itself only once the filters let the story show (entrypoints/content/reader/
 * toggle-message.ts, url-marker.ts, auto-open.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher, listenForMessages } from '../../../entrypoints/content/dispatcher';
import { createEventHub, type PageEvents } from '../../../entrypoints/content/events';
import { autoOpener, JUDGEMENT_WAIT_MS } from '../../../entrypoints/content/reader/auto-open';
import { listenForToggleMessage } from '../../../entrypoints/content/reader/toggle-message';
import { urlMarker } from '../../../entrypoints/content/reader/url-marker';
import { setJudging, setVerdict } from '../../../entrypoints/content/state/verdicts';
import type { Work } from '../../../lib/sites/types';

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

describe('the reader:toggle message', () => {
  const script = new AbortController();
  beforeEach(() => {
    fakeBrowser.reset();
    // The content script's one listener (entrypoints/content/dispatcher.ts), as run.ts adds it.
    const messages = createDispatcher();
    listenForMessages(messages, script.signal);
    listen = (toggle, signal, warn) => listenForToggleMessage(messages, toggle, signal, warn);
  });
  let listen: (toggle: () => boolean, signal: AbortSignal, warn: (message: string, error?: unknown) => void) => void;

  it('toggles and answers with the state; other messages are not answered', async () => {
    let on = false;
    const controller = new AbortController();
    listen(() => (on = !on), controller.signal, vi.fn());
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {})).toEqual([{ readerOn: true }]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {})).toEqual([{ readerOn: false }]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'page:status' }, {})).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle', extra: '<b>' }, {})).toEqual([{ readerOn: true }]);
  });

  it('answers off when toggling throws, and stops listening when its signal aborts', async () => {
    const warn = vi.fn();
    const controller = new AbortController();
    listen(() => {
      throw new Error('broken page');
    }, controller.signal, warn);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {})).toEqual([{ readerOn: false }]);
    expect(warn).toHaveBeenCalledWith('toggle failed.', expect.any(Error));
    controller.abort();
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'reader:toggle' }, {})).toEqual([undefined]);
  });
});

describe('the URL marker', () => {
  afterEach(() => setUrl('https://archiveofourown.org/'));

  it('marks the URL while open and puts the page’s own fragment back after', () => {
    setUrl('https://archiveofourown.org/works/1/chapters/2#comments');
    const marker = urlMarker(window, vi.fn());
    const length = window.history.length;
    marker.mark();
    expect(window.location.href).toBe('https://archiveofourown.org/works/1/chapters/2#lamplight-reader');
    marker.unmark();
    expect(window.location.href).toBe('https://archiveofourown.org/works/1/chapters/2#comments');
    expect(window.history.length).toBe(length); // replaced, never pushed
  });

  it('a page reached already marked loses the marker on close, with no bare #', () => {
    setUrl('https://archiveofourown.org/works/1/chapters/3#lamplight-reader');
    const marker = urlMarker(window, vi.fn());
    marker.mark();
    expect(window.location.href).toBe('https://archiveofourown.org/works/1/chapters/3#lamplight-reader');
    marker.unmark();
    expect(window.location.href).toBe('https://archiveofourown.org/works/1/chapters/3');
  });
});

describe('opening by itself', () => {
  let content: HTMLElement;
  let work: Work;
  let controller: AbortController;
  let events: PageEvents;
  /** What the filters do when the work's verdict changes: keep it in memory, then tell the page's hub. */
  const judged = (verdict: 'shown' | 'shielded') => {
    setVerdict(content, verdict);
    events.emit('filter:verdicts');
  };
  beforeEach(() => {
    vi.useFakeTimers();
    content = document.createElement('div');
    work = { content } as unknown as Work;
    controller = new AbortController();
    events = createEventHub();
  });
  afterEach(() => {
    controller.abort();
    setJudging(false);
    vi.useRealTimers();
  });

  it('opens at once when the filters do not run on the page', () => {
    const open = vi.fn();
    autoOpener(work, events, () => true, open, controller.signal).request();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('waits for the filters’ judgement, then opens once', () => {
    setJudging(true);
    const open = vi.fn();
    autoOpener(work, events, () => true, open, controller.signal).request();
    expect(open).not.toHaveBeenCalled();
    judged('shown');
    judged('shown');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens after the wait when the filters never judge the work', () => {
    setJudging(true);
    const open = vi.fn();
    autoOpener(work, events, () => true, open, controller.signal).request();
    vi.advanceTimersByTime(JUDGEMENT_WAIT_MS - 1);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('never opens over the shield, however long; opens once it is lifted', () => {
    setJudging(true);
    setVerdict(content, 'shielded');
    const open = vi.fn();
    autoOpener(work, events, () => true, open, controller.signal).request();
    vi.advanceTimersByTime(JUDGEMENT_WAIT_MS * 5);
    expect(open).not.toHaveBeenCalled();
    judged('shown');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when its signal aborts or when it may no longer open', () => {
    setJudging(true);
    const open = vi.fn();
    autoOpener(work, events, () => true, open, controller.signal).request();
    controller.abort();
    judged('shown');
    vi.advanceTimersByTime(JUDGEMENT_WAIT_MS);
    expect(open).not.toHaveBeenCalled();

    const other = new AbortController();
    autoOpener(work, events, () => false, open, other.signal).request();
    expect(open).not.toHaveBeenCalled();
    other.abort();
  });
});
