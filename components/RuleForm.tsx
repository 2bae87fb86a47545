/**
 * The rule form, shared by the popup's quick "Add rule", the options page and the inline
 * editors. Everything goes through validateRule; a message is shown at the input it is about
 * (aria-invalid, aria-describedby, role="alert") and nothing is stored.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Rule, RuleField } from '../lib/filters/types';
import { wordsRuleEffect } from '../lib/filters/rule-sentence';
import { validateRule } from '../lib/filters/validate';
import { t } from '../lib/i18n';
import { errorText } from './hooks';
import {
  actionLabel,
  ACTIONS,
  EMPTY_DRAFT,
  NUMBER_FIELD_OPTIONS,
  TEXT_FIELD_OPTIONS,
  draftOf,
  draftToInput,
  errorTarget,
  isTextField,
  parseCount,
  patternHint,
  type DraftInput,
  type RuleDraft,
} from './rules';

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

/** A typed bound as a count, or undefined while it is empty or not yet one. */
function countOrNothing(text: string): number | undefined {
  const n = parseCount(text);
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

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
    const checked = validateRule(initial ? { ...input, id: initial.id, enabled: initial.enabled } : input);
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
        setDraft((d) => ({ ...d, pattern: '', min: '', max: '' }));
        refs.current[isTextField(draft.field) ? 'pattern' : draft.field === 'words' ? 'min' : 'field']?.focus();
      }
    } catch (err) {
      fail(errorTarget(draft.field, ''), t('rulesCouldNotSaveRule', errorText(err)));
    } finally {
      setBusy(false);
    }
  };

  const ids = (at: DraftInput) => ({ input: `${id}-${at}`, hint: `${id}-${at}-hint`, error: `${id}-${at}-error` });
  /** aria attributes, the ref, and the message element for one control. */
  const control = (at: DraftInput, hint?: string): Control => {
    const n = ids(at);
    const invalid = error?.at === at;
    const described = [hint ? n.hint : null, invalid ? n.error : null].filter(Boolean).join(' ');
    return {
      attrs: {
        id: n.input,
        'aria-invalid': invalid ? ('true' as const) : undefined,
        'aria-describedby': described || undefined,
        ref: (el: HTMLElement | null) => {
          refs.current[at] = el;
        },
      },
      after: (
        <>
          {hint && (
            <p id={n.hint} class="hint">
              {hint}
            </p>
          )}
          {invalid && (
            <p id={n.error} class="field-error" role="alert">
              {error.message}
            </p>
          )}
        </>
      ),
    };
  };

  const field = control('field');
  const action = control('action');
  const text = isTextField(draft.field);

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
            <optgroup label={t('rulesFieldGroupText')}>
              {TEXT_FIELD_OPTIONS.map((o) => (
                <option key={o.field} value={o.field}>
                  {t(o.key)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('rulesFieldGroupNumbers')}>
              {NUMBER_FIELD_OPTIONS.map((o) => (
                <option key={o.field} value={o.field}>
                  {t(o.key)}
                </option>
              ))}
            </optgroup>
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
      {text && <PatternInput draft={draft} set={set} control={control('pattern', patternHint(draft.field))} id={ids('pattern').input} />}
      {draft.field === 'words' && (
        <div class="form-row">
          <NumberInput label={t('ruleSentenceFormMinWords')} value={draft.min} onInput={(v) => set({ min: v }, 'min')} control={control('min')} id={ids('min').input} />
          <NumberInput label={t('ruleSentenceFormMaxWords')} value={draft.max} onInput={(v) => set({ max: v }, 'max')} control={control('max')} id={ids('max').input} />
        </div>
      )}
      {draft.field === 'words' && (
        <p class="hint rule-effect" aria-live="polite">
          {wordsRuleEffect(draft.action, countOrNothing(draft.min), countOrNothing(draft.max))}
        </p>
      )}
      {draft.field === 'fandomCount' && (
        <NumberInput
          label={t('rulesMaxFandoms')}
          value={draft.max}
          onInput={(v) => set({ max: v }, 'max')}
          control={control('max', t('rulesMaxFandomsHint'))}
          id={ids('max').input}
        />
      )}
      {draft.field === 'complete' && (
        <CompleteSelect draft={draft} set={set} control={control('value')} id={ids('value').input} />
      )}
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

interface Control {
  attrs: {
    id: string;
    'aria-invalid': 'true' | undefined;
    'aria-describedby': string | undefined;
    ref: (el: HTMLElement | null) => void;
  };
  after: JSX.Element;
}

function PatternInput(props: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  control: Control;
  id: string;
}) {
  return (
    <div class="form-field">
      <label for={props.id}>{t('rulesFormPattern')}</label>
      <input
        {...props.control.attrs}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={props.draft.pattern}
        onInput={(e) => props.set({ pattern: e.currentTarget.value }, 'pattern')}
      />
      {props.control.after}
    </div>
  );
}

function NumberInput(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  control: Control;
  id: string;
}) {
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <input
        {...props.control.attrs}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.control.after}
    </div>
  );
}

function CompleteSelect(props: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  control: Control;
  id: string;
}) {
  return (
    <div class="form-field">
      <label for={props.id}>{t('rulesCompleteLabel')}</label>
      <select
        {...props.control.attrs}
        value={props.draft.value}
        onChange={(e) => props.set({ value: e.currentTarget.value === 'true' ? 'true' : 'false' }, 'value')}
      >
        <option value="false">{t('rulesInProgress')}</option>
        <option value="true">{t('rulesComplete')}</option>
      </select>
      {props.control.after}
    </div>
  );
}
