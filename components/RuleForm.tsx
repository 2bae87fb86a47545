/**
 * The rule form, shared by the popup's quick "Add rule", the options page and the inline
 * editors. Everything goes through validateRule; a message is shown at the input it is about
 * (aria-invalid, aria-describedby, role="alert") and nothing is stored.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Rule, RuleField } from '../lib/filters/types';
import { keptCoveredNames } from '../lib/filters/synonyms';
import { validateRule } from '../lib/filters/validate';
import { t } from '../lib/i18n';
import { errorText } from './hooks';
import {
  actionLabel,
  ACTIONS,
  EMPTY_DRAFT,
  HISTORY_FIELD_OPTIONS,
  NUMBER_FIELD_OPTIONS,
  TEXT_FIELD_OPTIONS,
  draftOf,
  draftToInput,
  errorTarget,
  isTextField,
  patternHint,
  type DraftInput,
  type RuleDraft,
} from './rules';
import { RuleExtrasInputs } from './RuleExtrasInputs';
import { ChoiceSelect, FieldGroup, NumberInput, PatternInput, WordsInputs, type Control } from './RuleInputs';

export interface RuleFormProps {
  /** Edit this rule (keeps its id and on/off state); without it the form adds a new rule. */
  initial?: Rule;
  submitLabel: string;
  /** Store the valid rule. Return a message (shown at the input) to refuse it; throwing does the same. */
  onSubmit: (rule: Rule) => Promise<string | null | void>;
  onCancel?: () => void;
  /** Accessible name of the form. */
  label: string;
  /** Where focus goes first (inline editors). */
  autoFocus?: boolean;
  class?: string;
}

type Refs = Partial<Record<DraftInput, HTMLElement | null>>;

const COMPLETE_CHOICES = [
  ['false', 'rulesInProgress'],
  ['true', 'rulesComplete'],
] as const;
const HISTORY_CHOICES = [
  ['finished', 'historyRuleStatusFinished'],
  ['started', 'historyRuleStatusStarted'],
] as const;

export function RuleForm(props: RuleFormProps) {
  const { initial, submitLabel, onSubmit, onCancel, label, autoFocus } = props;
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => (initial ? draftOf(initial) : EMPTY_DRAFT));
  const [error, setError] = useState<{ at: DraftInput; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Refs>({});

  useEffect(() => {
    if (autoFocus) refs.current[isTextField(draft.field) ? 'pattern' : 'field']?.focus();
    // Focus once, when the form opens; not again as the reader types or changes the field.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = (patch: Partial<RuleDraft>, at?: DraftInput) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (error && (at === undefined || error.at === at || patch.field !== undefined)) setError(null);
  };

  const fail = (at: DraftInput, message: string) => {
    setError({ at, message });
    // After the alert is in the DOM, so the input is announced with its description.
    queueMicrotask(() => refs.current[at]?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const input = draftToInput(draft);
    const checked = validateRule(
      initial ? { ...input, id: initial.id, enabled: initial.enabled, ...keptCoveredNames(initial, input) } : input,
    );
    if (!checked.ok) {
      fail(errorTarget(draft.field, checked.error), checked.error);
      return;
    }
    setBusy(true);
    try {
      const refused = await onSubmit(checked.rule);
      if (refused) {
        fail(errorTarget(draft.field, refused), refused);
        return;
      }
      setError(null);
      if (!initial) {
        setDraft((d) => ({ ...d, pattern: '', min: '', max: '', note: '' }));
        refs.current[isTextField(draft.field) ? 'pattern' : draft.field === 'words' ? 'min' : 'field']?.focus();
      }
    } catch (err) {
      fail(errorTarget(draft.field, ''), t('rulesCouldNotSaveRule', errorText(err)));
    } finally {
      setBusy(false);
    }
  };

  const ids = (at: DraftInput) => idsOf(id, at);
  const control = (at: DraftInput, hint?: string): Control => controlOf(ids(at), error?.at === at ? error.message : null, hint, (el) => {
    refs.current[at] = el;
  });

  const field = control('field');
  const action = control('action');

  return (
    <form class={`rule-form ${props.class ?? ''}`} aria-label={label} onSubmit={submit} noValidate>
      <div class="form-row">
        <div class="form-field">
          <label for={ids('field').input}>{t('rulesFormField')}</label>
          <select
            {...field.attrs}
            value={draft.field}
            onChange={(e) => set({ field: e.currentTarget.value as RuleField }, 'field')}
          >
            <FieldGroup label={t('rulesFieldGroupText')} options={TEXT_FIELD_OPTIONS} />
            <FieldGroup label={t('rulesFieldGroupNumbers')} options={NUMBER_FIELD_OPTIONS} />
            <FieldGroup label={t('historyRuleFieldGroup')} options={HISTORY_FIELD_OPTIONS} />
          </select>
          {field.after}
        </div>
        <div class="form-field">
          <label for={ids('action').input}>{t('rulesFormAction')}</label>
          <select
            {...action.attrs}
            value={draft.action}
            onChange={(e) => set({ action: e.currentTarget.value as RuleDraft['action'] }, 'action')}
          >
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
          {action.after}
        </div>
      </div>
      <ConditionInputs draft={draft} set={set} control={control} idOf={(at) => ids(at).input} />
      <RuleExtrasInputs draft={draft} set={set} control={control} idOf={(at) => ids(at).input} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('commonCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

interface ControlIds {
  input: string;
  hint: string;
  error: string;
}

const idsOf = (formId: string, at: DraftInput): ControlIds => ({ input: `${formId}-${at}`, hint: `${formId}-${at}-hint`, error: `${formId}-${at}-error` });

/** aria attributes, the ref, and the hint and message elements for one control. */
function controlOf(n: ControlIds, message: string | null, hint: string | undefined, ref: (el: HTMLElement | null) => void): Control {
  const described = [hint ? n.hint : null, message !== null ? n.error : null].filter(Boolean).join(' ');
  return {
    attrs: {
      id: n.input,
      'aria-invalid': message !== null ? ('true' as const) : undefined,
      'aria-describedby': described || undefined,
      ref,
    },
    after: (
      <>
        {hint && (
          <p id={n.hint} class="hint">
            {hint}
          </p>
        )}
        {message !== null && (
          <p id={n.error} class="field-error" role="alert">
            {message}
          </p>
        )}
      </>
    ),
  };
}

interface ConditionInputsProps {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  control: (at: DraftInput, hint?: string) => Control;
  idOf: (at: DraftInput) => string;
}

/** The inputs of the chosen field's condition: a pattern, numbers, or a choice. */
function ConditionInputs({ draft, set, control, idOf }: ConditionInputsProps) {
  if (isTextField(draft.field)) {
    return <PatternInput draft={draft} set={set} control={control('pattern', patternHint(draft.field))} id={idOf('pattern')} />;
  }
  switch (draft.field) {
    case 'words':
      return <WordsInputs draft={draft} set={set} min={control('min')} max={control('max')} ids={[idOf('min'), idOf('max')]} />;
    case 'fandomCount':
      return (
        <NumberInput
          label={t('rulesMaxFandoms')}
          value={draft.max}
          onInput={(v) => set({ max: v }, 'max')}
          control={control('max', t('rulesMaxFandomsHint'))}
          id={idOf('max')}
        />
      );
    case 'complete':
      return <ChoiceSelect draft={draft} set={set} at="value" label={t('rulesCompleteLabel')} choices={COMPLETE_CHOICES} control={control('value')} id={idOf('value')} />;
    case 'history':
      return <ChoiceSelect draft={draft} set={set} at="status" label={t('historyRuleStatusLabel')} choices={HISTORY_CHOICES} control={control('status', t('historyRuleHint'))} id={idOf('status')} />;
    default:
      return null;
  }
}
