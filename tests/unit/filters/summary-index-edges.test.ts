/**
 * SummaryIndex: patterns without literal text are refused, a summary without candidates is never
 * normalized, and each candidate is verified once per summary however often its key occurs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { HitSet } from '../../../lib/filters/hits';
import type { SummaryIndex as SummaryIndexClass } from '../../../lib/filters/summary-index';

vi.mock('../../../lib/filters/pattern', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/filters/pattern')>();
  return { ...actual, normalize: vi.fn(actual.normalize), wordGlobFind: vi.fn(actual.wordGlobFind) };
});

afterAll(() => {
  vi.doUnmock('../../../lib/filters/pattern');
  vi.resetModules();
});

let SummaryIndex: typeof SummaryIndexClass;
let normalize: Mock;
let wordGlobFind: Mock;

// Loaded afresh: a worker shared with other test files (the mutation run) may hold the real modules.
beforeAll(async () => {
  vi.resetModules();
  const pattern = await import('../../../lib/filters/pattern');
  normalize = vi.mocked(pattern.normalize);
  wordGlobFind = vi.mocked(pattern.wordGlobFind);
  ({ SummaryIndex } = await import('../../../lib/filters/summary-index'));
});

function index(...patterns: string[]): SummaryIndexClass {
  const built = new SummaryIndex();
  patterns.forEach((p, i) => built.add(p, i));
  built.build();
  return built;
}

function matched(built: SummaryIndexClass, summary: string): number[] {
  const hits = new HitSet(8);
  built.match(summary, hits);
  return [...hits.list];
}

describe('SummaryIndex', () => {
  beforeEach(() => {
    normalize.mockClear();
    wordGlobFind.mockClear();
  });

  it('refuses a pattern without literal text and counts only the ones it keeps', () => {
    const built = new SummaryIndex();
    expect(built.add('*', 0)).toBe(false);
    expect(built.add('  ', 1)).toBe(false);
    expect(built.size).toBe(0);
    expect(built.add('time travel', 2)).toBe(true);
    expect(built.add('*fix it*', 3)).toBe(true);
    expect(built.size).toBe(2);
  });

  it('build() freezes it: adding afterwards is refused', () => {
    const built = index('angst');
    expect(() => built.add('fluff', 1)).toThrow('KeyTrie: add after build');
  });

  it('finds patterns as word sequences, in raw ASCII and in text that needs normalizing', () => {
    const built = index('time travel', 'fix it');
    expect(matched(built, 'A story about TIME   travel.')).toEqual([0]);
    expect(matched(built, 'Tíme travel? No: a fix it fic about time travel')).toEqual([1, 0]);
    expect(matched(built, 'time traveller')).toEqual([]);
  });

  it('never normalizes an ASCII summary with no candidate', () => {
    const built = index('time travel');
    expect(matched(built, 'Nothing to see here, move along.')).toEqual([]);
    expect(normalize).not.toHaveBeenCalled();
    expect(matched(built, 'Time travel!')).toEqual([0]);
    expect(normalize).toHaveBeenCalledTimes(1);
  });

  it('checks a candidate once per summary, however often its key occurs', () => {
    const built = index('time travel');
    expect(matched(built, 'time travel, more time travel, and time travel again')).toEqual([0]);
    expect(wordGlobFind).toHaveBeenCalledTimes(1);
    expect(matched(built, 'time travel twice: time travel')).toEqual([0]);
    expect(wordGlobFind).toHaveBeenCalledTimes(2);
  });
});
