/**
 * The extension pages' text helpers (components/text.tsx) and a few messages built from pieces:
 * counts formatted for the reader's language, elements inside a translated sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeImport } from '../../../lib/backup/apply';
import { describeSummary } from '../../../components/backup/summary';
import { describeQuarantineKey } from '../../../components/QuarantinePanel';
import { actionLabel, fieldLabel } from '../../../components/rules';
import { countText, formatNumber, tx } from '../../../components/text';
import { shelfSortLabel } from '../../../lib/bookmarks/shelf';
import { mount, unmountAll } from './dom';

afterEach(() => unmountAll());

describe('text helpers', () => {
  it('formats numbers in the UI language and picks the plural form', () => {
    expect(formatNumber(3412)).toBe('3,412');
    expect(countText('shelfMatches', 1)).toBe('1 bookmark matches');
    expect(countText('shelfMatches', 10000)).toBe('10,000 bookmarks match');
    expect(countText('rulesDeleteQuestion', 2)).toBe('Delete 2 rules? You can undo right after.');
  });

  it('puts elements where their placeholders are', async () => {
    const root = await mount(<p>{tx('backupHolds', <strong>backup.json</strong>, '3 rules, 2 bookmarks')}</p>);
    expect(root.textContent).toBe('backup.json holds 3 rules, 2 bookmarks.');
    expect(root.querySelector('strong')?.textContent).toBe('backup.json');
    const set = await mount(<p>{tx('quarantineSetAside', <strong>Filter rules</strong>, 'at an unknown time')}</p>);
    expect(set.innerHTML).toBe('<p><strong>Filter rules</strong>, set aside at an unknown time</p>');
  });

  it('a text substitution that looks like a marker stays text', async () => {
    const root = await mount(<p>{tx('backupHolds', <strong>a</strong>, 'b \uE0001\uE001 c')}</p>);
    expect(root.textContent).toBe('a holds b \uE0001\uE001 c.');
    expect(root.querySelectorAll('strong')).toHaveLength(1);
  });
});

describe('messages built from pieces keep their English', () => {
  it('backup summaries and the import line', () => {
    expect(describeSummary({ rules: 1989, bookmarks: 1, settings: true, history: null })).toBe('1,989 rules, 1 bookmark, settings');
    expect(describeSummary({ rules: 0, bookmarks: 2, settings: false, history: 0 })).toBe('0 rules, 2 bookmarks');
    expect(describeSummary({ rules: 0, bookmarks: 2, settings: true, history: 50000 })).toBe(
      '0 rules, 2 bookmarks, settings, 50,000 works of reading history',
    );
    expect(describeSummary({ rules: 1, bookmarks: 1, settings: false, history: 1 })).toBe('1 rule, 1 bookmark, 1 work of reading history');
    const counts = {
      mode: 'replace' as const,
      rules: 1989,
      rulesAlreadyThere: 0,
      rulesRemoved: 1,
      bookmarks: 10000,
      bookmarksAdded: 10000,
      bookmarksUpdated: 0,
      bookmarksUnchanged: 0,
      bookmarksRemoved: 0,
      settings: true,
      history: null,
      historyAdded: 0,
      historyUpdated: 0,
      historyUnchanged: 0,
      historyRemoved: 0,
    };
    // Plain digits: bench/sections/backup.ts reads this line back.
    expect(describeImport(counts)).toBe('Imported 1989 rules and 10000 bookmarks, and settings (1 item not in the file removed)');
    expect(describeImport({ ...counts, history: 50000, historyAdded: 50000, historyRemoved: 2 })).toBe(
      'Imported 1989 rules and 10000 bookmarks, and settings, with 50000 works of reading history (3 items not in the file removed)',
    );
  });

  it('labels', () => {
    expect(actionLabel('allow')).toBe('Always show');
    expect(fieldLabel('fandomCount')).toBe('Number of fandoms');
    expect(shelfSortLabel('new')).toBe('New chapters first');
    expect(describeQuarantineKey('local:bookmark:ao3:123')).toBe('A bookmark (ao3 work 123)');
  });
});
