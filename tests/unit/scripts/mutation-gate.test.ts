/** The mutation-score gate's counting (scripts/mutation-gate.mjs): Stryker's score per gated folder. */
import { describe, expect, it } from 'vitest';
import { mutatePatterns, scores, undetectedMutants } from '../../../scripts/mutation-gate.mjs';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe('mutation gate', () => {
  it('counts killed and timed-out mutants as detected, survivors and uncovered ones as missed, the rest not at all', () => {
    const { byFolder, missing } = scores(
      {
        files: {
          'lib/filters/engine.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage'),
          'lib/filters/pattern.ts': mutants('CompileError', 'Ignored', 'RuntimeError', 'Killed'),
          'lib/reader/progress.ts': mutants('Survived'),
          'lib/storage/sync.ts': mutants('Killed', 'Survived'),
        },
      },
      ['lib/filters/engine.ts', 'lib/filters/pattern.ts', 'lib/reader/progress.ts'],
    );
    expect(byFolder).toEqual({
      'lib/filters': { detected: 4, counted: 6 },
      'lib/bookmarks': { detected: 0, counted: 0 },
      'lib/reader': { detected: 0, counted: 1 },
    });
    expect(missing).toEqual([]);
  });

  it('names gated files the report lacks, except the one Stryker is told to skip', () => {
    const { missing } = scores({ files: { 'lib/reader/style.ts': mutants('Killed') } }, [
      'lib/reader/style.ts',
      'lib/reader/words.ts',
      'lib/filters/naive.ts',
    ]);
    expect(missing).toEqual(['lib/reader/words.ts']);
  });

  it('does not ask for results of files holding nothing to mutate (types, re-exports)', () => {
    const { missing } = scores({ files: { 'lib/filters/engine.ts': mutants('Killed') } }, [
      'lib/filters/engine.ts',
      'lib/filters/index.ts',
      'lib/filters/types.ts',
      'lib/filters/pattern.ts',
    ]);
    expect(missing).toEqual(['lib/filters/pattern.ts']);
  });

  it('reads absolute file names as the repository\'s', () => {
    const root = process.cwd();
    const { byFolder } = scores({ files: { [`${root}/lib/bookmarks/merge.ts`]: mutants('Killed', 'Survived') } }, []);
    expect(byFolder['lib/bookmarks']).toEqual({ detected: 1, counted: 2 });
  });
});

describe('mutation gate on some folders', () => {
  it('scores and checks only the folders asked for', () => {
    const { byFolder, missing } = scores(
      { files: { 'lib/reader/words.ts': mutants('Killed', 'Survived', 'Killed'), 'lib/filters/engine.ts': mutants('Survived') } },
      ['lib/reader/words.ts', 'lib/reader/style.ts', 'lib/filters/engine.ts', 'lib/bookmarks/merge.ts'],
      ['lib/reader'],
    );
    expect(byFolder).toEqual({ 'lib/reader': { detected: 2, counted: 3 } });
    expect(missing).toEqual(['lib/reader/style.ts']);
  });
});

describe("Stryker's globs", () => {
  it('mutate each folder asked for, less the files never mutated that lie in it', () => {
    expect(mutatePatterns(['lib/reader'])).toEqual(['lib/reader/**/*.ts']);
    expect(mutatePatterns(['lib/filters', 'lib/bookmarks'])).toEqual(['lib/filters/**/*.ts', 'lib/bookmarks/**/*.ts', '!lib/filters/naive.ts']);
    expect(mutatePatterns()).toEqual(['lib/filters/**/*.ts', 'lib/bookmarks/**/*.ts', 'lib/reader/**/*.ts', '!lib/filters/naive.ts']);
  });
});

describe('undetectedMutants', () => {
  it('lists survivors and uncovered mutants with their place, change and source line, in line order', () => {
    const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 1 } });
    const report = {
      files: {
        'lib/reader/progress.ts': {
          source: 'const a = 1;\n  if (x > 0) return y;\n',
          mutants: [
            { status: 'NoCoverage', mutatorName: 'BooleanLiteral', replacement: 'true', location: at(2, 6) },
            { status: 'Killed', mutatorName: 'NumericLiteral', replacement: '0', location: at(1, 11) },
            { status: 'Survived', mutatorName: 'EqualityOperator', replacement: 'x >= 0', location: at(2, 7) },
            { status: 'Survived', mutatorName: 'NumericLiteral', replacement: '2', location: at(1, 11) },
          ],
        },
      },
    };
    expect(undetectedMutants(report)).toEqual([
      'lib/reader/progress.ts:1:11 Survived NumericLiteral -> "2" | const a = 1;',
      'lib/reader/progress.ts:2:6 NoCoverage BooleanLiteral -> "true" | if (x > 0) return y;',
      'lib/reader/progress.ts:2:7 Survived EqualityOperator -> "x >= 0" | if (x > 0) return y;',
    ]);
  });
});
