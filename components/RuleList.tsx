/**
 * The reader's rules as a compact list (popup): each with an on/off switch, Edit (inline) and
 * Delete. Accessible names carry the rule: "Edit rule Major Character Death".
 */
import type { RefObject } from 'preact';
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

export interface RuleRowHandlers {
  toggle: (rule: Rule) => void;
  remove: (rule: Rule) => void;
  save: (rule: Rule) => Promise<string | null>;
}

/**
 * Toggle, delete (with Undo) and edit, shared by the list and the table. `editing` is the id
 * of the rule being edited; when editing ends, focus returns to that rule's Edit button.
 */
export function useRuleRows(rules: readonly Rule[], announce: (m: StatusMessage) => void) {
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

export function RuleSwitch(props: { rule: Rule; handlers: RuleRowHandlers }) {
  const { rule, handlers } = props;
  return <Switch checked={rule.enabled} onChange={() => handlers.toggle(rule)} label={t('rulesEnableLabel', ruleName(rule))} />;
}

export function RuleButtons(props: { rule: Rule; handlers: RuleRowHandlers; onEdit: () => void }) {
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

/** Switch, Edit and Delete together (the table's last column). */
export function RuleControls(props: { rule: Rule; handlers: RuleRowHandlers; onEdit: () => void }) {
  return (
    <div class="rule-controls">
      <RuleSwitch rule={props.rule} handlers={props.handlers} />
      <RuleButtons {...props} />
    </div>
  );
}

/** A rule's form, editing it in place (both rule lists). */
export function EditRuleForm(props: { rule: Rule; handlers: RuleRowHandlers; onCancel: () => void }) {
  const { rule, handlers, onCancel } = props;
  return (
    <RuleForm
      initial={rule}
      label={t('rulesEditLabel', ruleName(rule))}
      submitLabel={t('commonSave')}
      onSubmit={handlers.save}
      onCancel={onCancel}
      autoFocus
    />
  );
}

export function ActionBadge(props: { rule: Rule }) {
  return <span class={`badge badge-${props.rule.action}`}>{actionLabel(props.rule.action)}</span>;
}

export function RuleList(props: { rules: readonly Rule[]; announce: (m: StatusMessage) => void }) {
  const { rules, announce } = props;
  const { editing, setEditing, stopEditing, handlers, root } = useRuleRows(rules, announce);
  if (rules.length === 0) {
    return <p class="muted">{t('rulesEmpty')}</p>;
  }
  return (
    <ul class="rule-list" ref={root as RefObject<HTMLUListElement>}>
      {rules.map((rule) => (
        <li key={rule.id} class={rule.enabled ? 'rule' : 'rule rule-off'}>
          {editing === rule.id ? (
            <EditRuleForm rule={rule} handlers={handlers} onCancel={stopEditing} />
          ) : (
            <>
              <RuleSwitch rule={rule} handlers={handlers} />
              <span class="rule-name">
                {ruleName(rule)}
                <CoveredNames rule={rule} />
                <RuleNote rule={rule} />
              </span>
              <ActionBadge rule={rule} />
              <RuleButtons rule={rule} handlers={handlers} onEdit={() => setEditing(rule.id)} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
