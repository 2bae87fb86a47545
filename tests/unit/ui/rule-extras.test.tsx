/** Issue 18 in the rule form and lists: a series rule from a link, a scope, the reader's note. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RuleForm } from '../../../components/RuleForm';
import { App } from '../../../entrypoints/options/App';
import type { Rule } from '../../../lib/filters/types';
import { saveRules } from '../../../lib/storage/rules';
import { byRole, choose, local, mount, submit, text, type, unmountAll } from './dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

async function form(initial?: Rule) {
  const saved: Rule[] = [];
  const root = await mount(
    <RuleForm initial={initial} label="Rule" submitLabel="Save" onSubmit={async (rule) => void saved.push(rule)} />,
  );
  return { root, saved, form: byRole<HTMLFormElement>(root, 'form', 'Rule') };
}

describe('rule form: series, scope, note', () => {
  it('a series link becomes a one-series rule; a scope and a note go with it', async () => {
    const { form: f, saved } = await form();
    await choose(byRole(f, 'combobox', 'Field'), 'series');
    await type(byRole(f, 'textbox', 'Pattern'), 'https://archiveofourown.org/series/2270465');
    await choose(byRole(f, 'combobox', 'Where'), 'except');
    await type(byRole(f, 'textbox', 'Fandoms'), 'Star Wars*\nMarvel');
    await type(byRole(f, 'textbox', 'Your note (optional)'), '  spoils the films  ');
    await submit(f);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      field: 'series',
      pattern: 'ao3:2270465',
      scope: { mode: 'except', fandoms: ['Star Wars*', 'Marvel'] },
      note: 'spoils the films',
    });
  });

  it('a scope without fandoms is refused at the fandom box; nothing is saved', async () => {
    const { form: f, saved } = await form();
    await type(byRole(f, 'textbox', 'Pattern'), 'Angst');
    await choose(byRole(f, 'combobox', 'Where'), 'only');
    await submit(f);
    expect(saved).toHaveLength(0);
    const box = byRole(f, 'textbox', 'Fandoms');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(text(byRole(f, 'alert'))).toBe('Name 1 to 20 fandoms for the scope');
  });

  it('editing a series rule keeps its name, its scope and its note', async () => {
    const rule: Rule = {
      id: 's1', field: 'series', pattern: 'ao3:2270465', seriesTitle: 'OG Titan', action: 'hide', enabled: true,
      scope: { mode: 'only', fandoms: ['Pacific Rim'] }, note: 'kaiju',
    };
    const { form: f, saved } = await form(rule);
    await choose(byRole(f, 'combobox', 'Action'), 'collapse');
    await submit(f);
    expect(saved[0]).toEqual({ ...rule, action: 'collapse' });
  });

  it('the options table names the rule with its series, scope and note, as text', async () => {
    await saveRules([
      { id: 'a', field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true, scope: { mode: 'except', fandoms: ['Star Wars'] }, note: '<b>not</b> tonight' },
      { id: 'b', field: 'series', pattern: 'ao3:1', seriesTitle: 'OG Titan', action: 'collapse', enabled: true },
    ]);
    const root = await mount(<App />);
    const names = Array.from(root.querySelectorAll('.rules-table td.rule-name')).map((td) => text(td));
    expect(names).toEqual(['Additional tag is Angst, except in Star Wars Your note: <b>not</b> tonight', 'Series “OG Titan”']);
    expect(root.querySelector('.rules-table b')).toBeNull();
    expect(await local('filterRules')).toHaveLength(2);
  });
});
