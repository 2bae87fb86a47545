/**
 * The reader's rules, in the popup and on the options page: one list, one row per rule with its
 * on/off switch, name (also-covered names, note), action, Edit (in place) and Delete. Accessible
 * names carry the rule: "Edit rule Major Character Death". How the rows are laid out is the
 * `layout` prop: a compact list by default (popup); the options page passes `RuleTableLayout`
 * (./RuleTableLayout.tsx: a table with search, selection and bulk actions), which the popup never
 * loads.
 */
import type { JSX, Ref, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Rule } from '../lib/filters/types';
import { t } from '../lib/i18n';
import { errorText } from './hooks';
import { addRuleAt, deleteRules, duplicateOf, replaceRule, setRulesEnabled } from './rule-actions';
import { RuleNote } from './RuleExtrasInputs';
import { RuleForm } from './RuleForm';
import { actionLabel, ruleName } from './rules';
import type { StatusMessage } from './Status';
import { Switch } from './Switch';
import { CoveredNames } from './synonyms/CoveredNames';

/** One rule's parts, drawn once here and placed by a layout. */
export interface RuleItem {
  rule: Rule;
  /** The form editing the rule in place, or null when it is not being edited. */
  form: JSX.Element | null;
  /** The rule's name, the other names it covers and its note. */
  name: JSX.Element;
  badge: JSX.Element;
  toggle: JSX.Element;
  /** Edit and Delete. */
  buttons: JSX.Element;
}

export interface RuleLayoutProps {
  /** Every rule, in order, with its parts. */
  items: readonly RuleItem[];
  /** For the container of the Edit buttons, so focus can return to one when editing ends. */
  root: Ref<HTMLElement>;
  announce: (m: StatusMessage) => void;
}

interface RuleRowHandlers {
  toggle: (rule: Rule) => void;
  remove: (rule: Rule) => void;
  save: (rule: Rule) => Promise<string | null>;
}

/**
 * Toggle, delete (with Undo) and edit. `editing` is the id of the rule being edited; when editing
 * ends, focus returns to that rule's Edit button.
 */
function useRuleRows(rules: readonly Rule[], announce: (m: StatusMessage) => void) {
  const [editing, setEditing] = useState<string | null>(null);
  const returnFocus = useRef<string | null>(null);
  const root = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const id = returnFocus.current;
    if (editing !== null || id === null) return;
    returnFocus.current = null;
    const buttons = root.current?.querySelectorAll<HTMLElement>('[data-edit]') ?? [];
    for (const button of buttons) if (button.dataset.edit === id) button.focus();
  }, [editing]);

  const stopEditing = () => {
    returnFocus.current = editing;
    setEditing(null);
  };

  const handlers: RuleRowHandlers = {
    toggle: (rule) => {
      setRulesEnabled(new Set([rule.id]), !rule.enabled).then(
        () => announce({ text: t(rule.enabled ? 'rulesTurnedOff' : 'rulesTurnedOn', ruleName(rule)) }),
        (err: unknown) => announce({ text: t('commonCouldNotSave', errorText(err)), error: true }),
      );
    },
    remove: (rule) => {
      const index = rules.findIndex((r) => r.id === rule.id);
      deleteRules(new Set([rule.id])).then(
        () =>
          announce({
            text: t('rulesDeleted', ruleName(rule)),
            undo: () => addRuleAt(rule, index),
            focusUndo: true,
          }),
        (err: unknown) => announce({ text: t('commonCouldNotDelete', errorText(err)), error: true }),
      );
    },
    save: async (rule) => {
      const duplicate = duplicateOf(rules, rule, rule.id);
      if (duplicate) return duplicate;
      await replaceRule(rule);
      announce({ text: t('rulesSaved', ruleName(rule)) });
      stopEditing();
      return null;
    },
  };

  return { editing, setEditing, stopEditing, handlers, root };
}

function RuleButtons(props: { rule: Rule; handlers: RuleRowHandlers; onEdit: () => void }) {
  const { rule, handlers, onEdit } = props;
  const name = ruleName(rule);
  return (
    <div class="rule-buttons">
      <button type="button" data-edit={rule.id} aria-label={t('rulesEditLabel', name)} onClick={onEdit}>
        {t('rulesEdit')}
      </button>
      <button type="button" class="danger" aria-label={t('rulesDeleteLabel', name)} onClick={() => handlers.remove(rule)}>
        {t('commonDelete')}
      </button>
    </div>
  );
}

/** The popup's layout: one list item per rule, switch first. */
function CompactList({ items, root }: RuleLayoutProps) {
  return (
    <ul class="rule-list" ref={root as RefObject<HTMLUListElement>}>
      {items.map((item) => (
        <li key={item.rule.id} class={item.rule.enabled ? 'rule' : 'rule rule-off'}>
          {item.form ?? (
            <>
              {item.toggle}
              <span class="rule-name">{item.name}</span>
              {item.badge}
              {item.buttons}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function RuleList(props: {
  rules: readonly Rule[];
  announce: (m: StatusMessage) => void;
  /** How the rows are laid out; a compact list when absent. */
  layout?: (props: RuleLayoutProps) => JSX.Element;
}) {
  const { rules, announce, layout: Layout = CompactList } = props;
  const { editing, setEditing, stopEditing, handlers, root } = useRuleRows(rules, announce);
  if (rules.length === 0) {
    return <p class="muted">{t('rulesEmpty')}</p>;
  }
  const items = rules.map(
    (rule): RuleItem => ({
      rule,
      form:
        editing === rule.id ? (
          <RuleForm
            initial={rule}
            label={t('rulesEditLabel', ruleName(rule))}
            submitLabel={t('commonSave')}
            onSubmit={handlers.save}
            onCancel={stopEditing}
            autoFocus
          />
        ) : null,
      name: (
        <>
          {ruleName(rule)}
          <CoveredNames rule={rule} />
          <RuleNote rule={rule} />
        </>
      ),
      badge: <span class={`badge badge-${rule.action}`}>{actionLabel(rule.action)}</span>,
      toggle: <Switch checked={rule.enabled} onChange={() => handlers.toggle(rule)} label={t('rulesEnableLabel', ruleName(rule))} />,
      buttons: <RuleButtons rule={rule} handlers={handlers} onEdit={() => setEditing(rule.id)} />,
    }),
  );
  return <Layout items={items} root={root} announce={announce} />;
}
