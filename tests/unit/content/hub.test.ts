/**
 * The content scripts' hub (entrypoints/content/state/hub.ts): the main script and the reader's
 * script are separate bundles, each with its own copy of the state modules. Re-importing the modules
 * after vi.resetModules() gives such a second copy; what one copy writes, the other must read.
 */
import { describe, expect, it, vi } from 'vitest';

type Verdicts = typeof import('../../../entrypoints/content/state/verdicts');
type ReaderState = typeof import('../../../entrypoints/content/state/reader');

async function bundle(): Promise<{ verdicts: Verdicts; reader: ReaderState }> {
  vi.resetModules();
  return {
    verdicts: await import('../../../entrypoints/content/state/verdicts'),
    reader: await import('../../../entrypoints/content/state/reader'),
  };
}

describe('content-script hub', () => {
  it('shares the filters verdicts and their change listeners between two bundles', async () => {
    const main = await bundle();
    const readerScript = await bundle();
    expect(main.verdicts).not.toBe(readerScript.verdicts);

    const element = {} as Element;
    const seen: string[] = [];
    const stop = readerScript.verdicts.onVerdictChange(() => seen.push(String(readerScript.verdicts.verdictOf(element))));
    main.verdicts.setJudging(true);
    main.verdicts.setVerdict(element, 'shielded');
    expect(readerScript.verdicts.isJudging()).toBe(true);
    expect(readerScript.verdicts.verdictOf(element)).toBe('shielded');
    expect(seen).toEqual(['null', 'shielded']);
    stop();
    main.verdicts.setVerdict(element, null);
    main.verdicts.setJudging(false);
    expect(seen).toHaveLength(2);
  });

  it('shares the open reader view and the Bookmark slot', async () => {
    const main = await bundle();
    const readerScript = await bundle();
    const render = () => undefined;
    const unregister = main.reader.registerReaderSlot('bookmark', render);
    expect(readerScript.reader.readerSlots().get('bookmark')).toBe(render);

    let changes = 0;
    const stop = main.reader.onReaderChange(() => changes++);
    const view = { bookmarkSlot: {} as HTMLElement, chapters: [] };
    readerScript.reader.setOpenReader(view);
    expect(main.reader.openReaderView()).toBe(view);
    readerScript.reader.setOpenReader(null);
    expect(main.reader.openReaderView()).toBeNull();
    expect(changes).toBe(2);
    stop();
    unregister();
    expect(readerScript.reader.readerSlots().has('bookmark')).toBe(false);
  });

  it('keeps the hub off the global object listing (a non-enumerable Symbol.for key)', async () => {
    await bundle();
    const key = Symbol.for('lamplight.hub');
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, key);
    expect(descriptor?.enumerable).toBe(false);
    expect(descriptor?.writable).toBe(false);
    expect(Object.keys(globalThis)).not.toContain('lamplight.hub');
  });
});
