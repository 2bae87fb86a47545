/**
 * Runs entrypoints/background.ts on WXT's fake browser. The fake has no contextMenus, commands or
 * tabs.sendMessage: those are stubbed here, each start with fresh stubs. Every start imports the
 * background and lib/ afresh (vi.resetModules), so no watcher or badge tally of an earlier test
 * survives into the next one.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Listener = (...args: never[]) => unknown;

/** An event like the browser's: listeners added by the code, fired by the test. */
export function fakeEvent<L extends Listener>() {
  const listeners: L[] = [];
  return {
    addListener: (listener: L) => void listeners.push(listener),
    removeListener: (listener: L) => void listeners.splice(listeners.indexOf(listener) >>> 0, 1),
    hasListener: (listener: L) => listeners.includes(listener),
    trigger: (...args: Parameters<L>) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

export interface ClickInfo {
  menuItemId: string | number;
  linkUrl?: string;
  /** Firefox only. */
  linkText?: string;
}

export interface Background {
  removeAll: ReturnType<typeof vi.fn>;
  create: ReturnType<typeof vi.fn>;
  /** tabs.sendMessage: what the background sent to content scripts. */
  sendToTab: ReturnType<typeof vi.fn>;
  click(info: ClickInfo, tab?: { id?: number }): Promise<unknown>;
  command(name: string): Promise<unknown>;
}

export async function startBackground(): Promise<Background> {
  const removeAll = vi.fn(() => Promise.resolve());
  const create = vi.fn();
  const sendToTab = vi.fn(() => Promise.resolve(undefined));
  const onClicked = fakeEvent<(info: ClickInfo, tab?: { id?: number }) => void>();
  const onCommand = fakeEvent<(command: string) => Promise<void>>();
  Object.assign(fakeBrowser.contextMenus, { removeAll, create, onClicked });
  Object.assign(fakeBrowser.commands, { onCommand });
  Object.assign(fakeBrowser.tabs, { sendMessage: sendToTab });

  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
  return {
    removeAll,
    create,
    sendToTab,
    click: (info, tab) => onClicked.trigger(info, tab),
    command: (name) => onCommand.trigger(name),
  };
}

const realSetTimeout = globalThis.setTimeout;
/** Lets pending storage work finish (real time, even while the sync engine's timers are faked). */
export const settle = (ms = 30) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/** The sync engine's debounce timers stay faked, so no sync of one test runs in another. */
export function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}
