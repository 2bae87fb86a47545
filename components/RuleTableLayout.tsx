/**
 * The options page's layout of the rule list (RuleList's `layout`): a search box, a table of the
 * rules with a Field column, each rule's Find synonyms on AO3, and select-all with bulk Enable /
 * Disable / Delete. Only the options page loads it.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Rule } from '../lib/filters/types';
import { t } from '../lib/i18n';
import { errorText } from './hooks';
import { deleteRules, setRulesEnabled, addRuleAt } from './rule-actions';
import { Confirm } from './Confirm';
import type { RuleItem, RuleLayoutProps } from './RuleList';
import { fieldLabel, ruleName, ruleSearchText } from './rules';
import type { StatusMessage } from './Status';
import { SynonymsFinder } from './synonyms/SynonymsFinder';
import { countText } from './text';

export function RuleTableLayout({ items, root, announce }: RuleLayoutProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const selectAll = useRef<HTMLInputElement>(null);
  // `items` is drawn anew on each render of the list, so these are worked out each time (no memo).
  const rules = items.map((item) => item.rule);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? items : items.filter((item) => words.every((w) => ruleSearchText(item.rule).includes(w)));

  // Only rules that still exist and are shown count as selected.
  const chosen = shown.map((item) => item.rule).filter((r) => selected.has(r.id));
  const all = shown.length > 0 && chosen.length === shown.length;
  const some = chosen.length > 0 && !all;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);
  useEffect(() => setConfirmDelete(false), [chosen.length]);

  const select = (rule: Rule, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(rule.id);
      else next.delete(rule.id);
      return next;
    });

  const bulkEnable = (enabled: boolean) => {
    const ids = new Set(chosen.map((r) => r.id));
    setRulesEnabled(ids, enabled).then(
      () => announce({ text: countText(enabled ? 'rulesBulkEnabled' : 'rulesBulkDisabled', ids.size) }),
      (err: unknown) => announce({ text: t('commonCouldNotSave', errorText(err)), error: true }),
    );
  };

  const bulkDelete = () => {
    const removed = chosen.map((rule) => ({ rule, index: rules.findIndex((r) => r.id === rule.id) }));
    setConfirmDelete(false);
    deleteRules(new Set(removed.map((x) => x.rule.id))).then(
      () => {
        setSelected(new Set());
        announce({
          text: countText('rulesBulkDeleted', removed.length),
          undo: async () => {
            for (const { rule, index } of removed) await addRuleAt(rule, index);
          },
          focusUndo: true,
        });
      },
      (err: unknown) => announce({ text: t('commonCouldNotDelete', errorText(err)), error: true }),
    );
  };

  return (
    <div class="rules-table">
      <TableTools id={id} query={query} setQuery={setQuery} chosen={chosen.length} onEnable={bulkEnable} onDelete={() => setConfirmDelete(true)} />
      {confirmDelete && (
        <Confirm
          label={t('rulesConfirmDeletion')}
          action={countText('rulesDeleteCount', chosen.length)}
          onConfirm={bulkDelete}
          onCancel={() => setConfirmDelete(false)}
        >
          {countText('rulesDeleteQuestion', chosen.length)}
        </Confirm>
      )}
      {shown.length === 0 ? (
        <p class="muted">{t('rulesNoMatch', query)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" class="col-select">
                <input
                  type="checkbox"
                  ref={selectAll}
                  aria-label={t('rulesSelectAll')}
                  checked={all}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((item) => item.rule.id)) : new Set())}
                />
              </th>
              <th scope="col">{t('rulesColRule')}</th>
              <th scope="col">{t('rulesColField')}</th>
              <th scope="col">{t('rulesColAction')}</th>
              <th scope="col" class="col-controls">
                <span class="visually-hidden">{t('rulesColControls')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={root as RefObject<HTMLTableSectionElement>}>
            {shown.map((item) => (
              <RuleRow
                key={item.rule.id}
                item={item}
                selected={selected.has(item.rule.id)}
                onSelect={(on) => select(item.rule, on)}
                announce={announce}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

interface TableToolsProps {
  id: string;
  query: string;
  setQuery: (query: string) => void;
  /** How many rules are selected. */
  chosen: number;
  onEnable: (enabled: boolean) => void;
  onDelete: () => void;
}

/** The search box and the bulk actions on the selected rules. */
function TableTools({ id, query, setQuery, chosen, onEnable, onDelete }: TableToolsProps) {
  return (
    <div class="table-tools">
      <div class="form-field search">
        <label for={`${id}-search`}>{t('rulesSearch')}</label>
        <input id={`${id}-search`} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <div class="bulk" role="group" aria-label={t('rulesSelectedGroup')}>
        <span class="muted" aria-live="polite">
          {chosen > 0 ? countText('rulesSelected', chosen) : t('rulesNoneSelected')}
        </span>
        <button type="button" disabled={chosen === 0} onClick={() => onEnable(true)}>
          {t('rulesEnable')}
        </button>
        <button type="button" disabled={chosen === 0} onClick={() => onEnable(false)}>
          {t('rulesDisable')}
        </button>
        <button type="button" class="danger" disabled={chosen === 0} onClick={onDelete}>
          {t('commonDelete')}
        </button>
      </div>
    </div>
  );
}

interface RuleRowProps {
  item: RuleItem;
  selected: boolean;
  onSelect: (on: boolean) => void;
  announce: (m: StatusMessage) => void;
}

/** One rule: its row, or the form that edits it in place. */
function RuleRow({ item, selected, onSelect, announce }: RuleRowProps) {
  const { rule } = item;
  if (item.form) {
    return (
      <tr class="editing">
        <td colSpan={5}>{item.form}</td>
      </tr>
    );
  }
  return (
    <tr class={rule.enabled ? '' : 'rule-off'}>
      <td class="col-select">
        <input
          type="checkbox"
          aria-label={t('rulesSelectRule', ruleName(rule))}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </td>
      <td class="rule-name">{item.name}</td>
      <td class="muted col-field">{fieldLabel(rule.field)}</td>
      <td class="col-action">{item.badge}</td>
      <td class="col-controls">
        <div class="rule-controls">
          {item.toggle}
          {item.buttons}
        </div>
        <SynonymsFinder rule={rule} announce={announce} />
      </td>
    </tr>
  );
}
