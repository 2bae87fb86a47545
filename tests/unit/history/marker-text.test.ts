import { describe, expect, it } from 'vitest';
import { historyDate, historyMarkerText } from '../../../lib/history/marker-text';
import { DAY, T0 } from './helpers';

describe('historyMarkerText', () => {
  it('says each kind of marker in words', () => {
    expect(historyMarkerText({ kind: 'read', date: T0 }, T0)).toBe(`Read ${historyDate(T0, T0, false)}`);
    expect(historyMarkerText({ kind: 'new-chapters', count: 1, date: T0 }, T0)).toBe('1 new chapter since you read');
    expect(historyMarkerText({ kind: 'new-chapters', count: 3, date: T0 }, T0)).toBe('3 new chapters since you read');
    expect(historyMarkerText({ kind: 'stopped', chapter: 5, of: 12, newChapters: 0, date: T0 }, T0)).toBe('Stopped at chapter 5 of 12');
    expect(historyMarkerText({ kind: 'stopped', chapter: 5, of: null, newChapters: 0, date: T0 }, T0)).toBe('Stopped at chapter 5');
    expect(historyMarkerText({ kind: 'stopped', chapter: 5, of: 12, newChapters: 2, date: T0 }, T0)).toBe(
      'Stopped at chapter 5 of 12 · 2 new chapters since you read',
    );
  });

  it('never says "chapter 5 of 4" when chapters were deleted since', () => {
    expect(historyMarkerText({ kind: 'stopped', chapter: 5, of: 4, newChapters: 0, date: T0 }, T0)).toBe('Stopped at chapter 5 of 5');
  });

  it('a work known from AO3 only: its visits, and whether it was updated since', () => {
    const day = Date.UTC(2026, 2, 12);
    expect(historyMarkerText({ kind: 'visited', visits: 1, updateAvailable: false, date: day }, T0)).toMatch(/^Visited on AO3 (12 Mar|Mar 12)$/);
    expect(historyMarkerText({ kind: 'visited', visits: 4, updateAvailable: true, date: day }, T0)).toMatch(
      /^Visited 4 times on AO3, last (12 Mar|Mar 12) · updated since$/,
    );
  });

  it('dates: day and month, the year only when over a year ago; AO3 days in UTC', () => {
    expect(historyDate(Date.UTC(2026, 2, 12, 23, 59), T0, true)).toMatch(/^(12 Mar|Mar 12)$/); // the day in UTC, in the UI language's order
    expect(historyDate(Date.UTC(2024, 2, 12), T0, true)).toMatch(/^(12 Mar 2024|Mar 12, 2024)$/);
    expect(historyDate(T0 - 400 * DAY, T0, true)).toMatch(/2025/);
  });
});
