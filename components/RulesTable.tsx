/**
 * The options page's rule editor: search, a table with on/off, Edit (in place) and Delete per
 * rule, and select-all with bulk Enable / Disable / Delete.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Rule } from '../lib/filters/types';
import { errorText } from './hooks';
import { deleteRules, setRulesEnabled, addRuleAt } from './rule-actions';
import { Confirm } from './Confirm';
import { RuleForm } from './RuleForm';
import { ActionBadge, RuleControls, useRuleRows } from './RuleList';
import { plural, ruleName, ruleSearchText, TEXT_FIELD_OPTIONS, NUMBER_FIELD_OPTIONS } from './rules';
import type { StatusMessage } from './Status';

const FIELD_LABELS = new Map([...TEXT_FIELD_OPTIONS, ...NUMBER_FIELD_OPTIONS].map((o) => [o.field, o.label]));

export function RulesTable(props: { rules: readonly Rule[]; announce: (m: StatusMessage) => void }) {
  const { rules, announce } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { editing, setEditing, stopEditing, handlers, root } = useRuleRows(rules, announce);
  const selectAll = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length === 0 ? rules : rules.filter((r) => words.every((w) => ruleSearchText(r).includes(w)));
  }, [rules, query]);

  // Only rules that still exist and are shown count as selected.
  const chosen = useMemo(() => shown.filter((r) => selected.has(r.id)), [shown, selected]);
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
      () => announce({ text: `${plural(ids.size, 'rule')} ${enabled ? 'enabled' : 'disabled'}` }),
      (err: unknown) => announce({ text: `Could not save: ${errorText(err)}`, error: true }),
    );
  };

  const bulkDelete = () => {
    const removed = chosen.map((rule) => ({ rule, index: rules.findIndex((r) => r.id === rule.id) }));
    setConfirmDelete(false);
    deleteRules(new Set(removed.map((x) => x.rule.id))).then(
      () => {
        setSelected(new Set());
        announce({
          text: `Deleted ${plural(removed.length, 'rule')}`,
          undo: async () => {
            for (const { rule, index } of removed) await addRuleAt(rule, index);
          },
          focusUndo: true,
        });
      },
      (err: unknown) => announce({ text: `Could not delete: ${errorText(err)}`, error: true }),
    );
  };

  if (rules.length === 0) {
    return <p class="muted">No rules yet. Add one above, or switch on a warning.</p>;
  }

  return (
    <div class="rules-table">
      <div class="table-tools">
        <div class="form-field search">
          <label for={`${id}-search`}>Search rules</label>
          <input id={`${id}-search`} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="bulk" role="group" aria-label="Selected rules">
          <span class="muted" aria-live="polite">
            {chosen.length > 0 ? `${chosen.length} selected` : 'None selected'}
          </span>
          <button type="button" disabled={chosen.length === 0} onClick={() => bulkEnable(true)}>
            Enable
          </button>
          <button type="button" disabled={chosen.length === 0} onClick={() => bulkEnable(false)}>
            Disable
          </button>
          <button type="button" class="danger" disabled={chosen.length === 0} onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </div>
      </div>
      {confirmDelete && (
        <Confirm
          label="Confirm deletion"
          action={`Delete ${plural(chosen.length, 'rule')}`}
          onConfirm={bulkDelete}
          onCancel={() => setConfirmDelete(false)}
        >
          Delete {plural(chosen.length, 'rule')}? You can undo right after.
        </Confirm>
      )}
      {shown.length === 0 ? (
        <p class="muted">No rule matches “{query}”.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" class="col-select">
                <input
                  type="checkbox"
                  ref={selectAll}
                  aria-label="Select all rules"
                  checked={all}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((r) => r.id)) : new Set())}
                />
              </th>
              <th scope="col">Rule</th>
              <th scope="col">Field</th>
              <th scope="col">Action</th>
              <th scope="col" class="col-controls">
                <span class="visually-hidden">On, edit, delete</span>
              </th>
            </tr>
          </thead>
          <tbody ref={root as RefObject<HTMLTableSectionElement>}>
            {shown.map((rule) =>
              editing === rule.id ? (
                <tr key={rule.id} class="editing">
                  <td colSpan={5}>
                    <RuleForm
                      initial={rule}
                      label={`Edit rule ${ruleName(rule)}`}
                      submitLabel="Save"
                      onSubmit={handlers.save}
                      onCancel={stopEditing}
                      autoFocus
                    />
                  </td>
                </tr>
              ) : (
                <tr key={rule.id} class={rule.enabled ? '' : 'rule-off'}>
                  <td class="col-select">
                    <input
                      type="checkbox"
                      aria-label={`Select rule ${ruleName(rule)}`}
                      checked={selected.has(rule.id)}
                      onChange={(e) => select(rule, e.currentTarget.checked)}
                    />
                  </td>
                  <td class="rule-name">{ruleName(rule)}</td>
                  <td class="muted col-field">{FIELD_LABELS.get(rule.field) ?? rule.field}</td>
                  <td class="col-action">
                    <ActionBadge rule={rule} />
                  </td>
                  <td class="col-controls">
                    <RuleControls rule={rule} handlers={handlers} onEdit={() => setEditing(rule.id)} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
