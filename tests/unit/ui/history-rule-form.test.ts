/** The rule editors' helpers (components/rules.ts) for history rules and the dim action. */
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionLabel, draftOf, draftToInput, EMPTY_DRAFT, errorTarget, fieldLabel, ruleName, ruleSearchText } from '../../../components/rules';
import type { Rule } from '../../../lib/filters/types';
import { validateRule } from '../../../lib/filters/validate';

const started: Rule = { id: 'h1', field: 'history', status: 'started', action: 'dim', enabled: true };

describe('history rules in the rule form', () => {
  it('offers Dim among the actions, after Hide and before Always show', () => {
    expect(ACTIONS).toEqual(['collapse', 'hide', 'dim', 'allow']);
    expect(actionLabel('dim')).toBe('Dim');
  });

  it('turns a history rule into a draft and back into the same rule', () => {
    const draft = draftOf(started);
    expect(draft).toMatchObject({ field: 'history', status: 'started', action: 'dim' });
    const checked = validateRule({ ...draftToInput(draft), id: 'h1', enabled: true });
    expect(checked).toEqual({ ok: true, rule: started });
  });

  it('reads "finished" from a fresh draft switched to the history field', () => {
    expect(draftToInput({ ...EMPTY_DRAFT, field: 'history' })).toEqual({ field: 'history', action: 'collapse', status: 'finished' });
  });

  it('names the rule as a sentence, its field, and where a message about it goes', () => {
    expect(ruleName(started)).toBe('Works you started');
    expect(ruleName({ ...started, status: 'finished' })).toBe('Works you have read');
    expect(fieldLabel('history')).toBe('Your reading history');
    expect(ruleSearchText(started)).toContain('works you started');
    expect(errorTarget('history', 'A reading-history rule needs "finished" or "started", not "x"')).toBe('status');
  });
});
