/** History conditions: the statuses, and rules with one validation refuses. */
import { describe, expect, it } from 'vitest';
import {
  addHistoryRule,
  HISTORY_STATUSES,
  historyRuleMatches,
  isHistoryStatus,
  type HistoryIndex,
} from '../../../lib/filters/history-condition';
import type { HistoryRule } from '../../../lib/filters/types';

const rule = (status: string): HistoryRule =>
  ({ id: `h-${status}`, field: 'history', status, action: 'hide', enabled: true }) as HistoryRule;

describe('history statuses', () => {
  it('are finished and started', () => {
    expect(HISTORY_STATUSES).toEqual(['finished', 'started']);
  });

  it.each<[unknown, boolean]>([
    ['finished', true],
    ['started', true],
    ['', false],
    ['read', false],
    [undefined, false],
    [null, false],
  ])('isHistoryStatus(%j) is %s', (value, result) => {
    expect(isHistoryStatus(value)).toBe(result);
  });
});

describe('addHistoryRule', () => {
  it('files a rule under its status', () => {
    const index: HistoryIndex = { finished: [], started: [] };
    expect(addHistoryRule(index, rule('started'), 3)).toBe(true);
    expect(addHistoryRule(index, rule('finished'), 5)).toBe(true);
    expect(index).toEqual({ finished: [5], started: [3] });
  });

  it('refuses a rule whose status is unknown, filing nothing', () => {
    const index: HistoryIndex = { finished: [], started: [] };
    expect(addHistoryRule(index, rule('read'), 0)).toBe(false);
    expect(addHistoryRule(index, rule(''), 1)).toBe(false);
    expect(index).toEqual({ finished: [], started: [] });
  });
});

describe('historyRuleMatches', () => {
  it.each<[string, 'finished' | 'started' | null | undefined, boolean]>([
    ['finished', 'finished', true],
    ['started', 'started', true],
    ['finished', 'started', false],
    ['started', null, false],
    ['started', undefined, false],
    ['read', 'finished', false],
  ])('a %s rule, a work with status %s: %s', (status, workStatus, result) => {
    expect(historyRuleMatches(rule(status), workStatus)).toBe(result);
  });
});
