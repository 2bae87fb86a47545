/**
 * The mutation run shares each worker's modules between test files (vitest.mutate.config.ts,
 * `isolate: false`): a file that mocks a module must reset the module registry after it, or the files
 * after it import modules built on its mock (CI once failed on exactly that). Every unit test file
 * that calls vi.mock or vi.doMock has `afterAll` calling `vi.resetModules()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const MOCKS = /\bvi\.(mock|doMock)\(/;
const RESETS_AFTER = /afterAll\(\s*(\(\)\s*=>\s*\{[^}]*vi\.resetModules\(\)|\(\)\s*=>\s*vi\.resetModules\(\))/;

describe('unit test files that mock modules', () => {
  const mocking = testFiles('tests/unit').filter((file) => MOCKS.test(readFileSync(file, 'utf8')));

  it('are found (the check looks at something)', () => {
    expect(mocking).toContain(path.join('tests', 'unit', 'bookmarks', 'stored-fast-path.test.ts'));
  });

  it.each(mocking)('%s resets the module registry after it', (file) => {
    expect(readFileSync(file, 'utf8')).toMatch(RESETS_AFTER);
  });

  it('the check tells a file that resets from one that does not', () => {
    expect("afterAll(() => vi.resetModules());").toMatch(RESETS_AFTER);
    expect("afterAll(() => {\n  vi.doUnmock('x');\n  vi.resetModules();\n});").toMatch(RESETS_AFTER);
    expect("afterEach(() => vi.resetModules());").not.toMatch(RESETS_AFTER);
    expect("afterAll(() => vi.restoreAllMocks());").not.toMatch(RESETS_AFTER);
  });
});
