/** The rule form's inputs (./RuleForm.tsx): pattern, numbers, complete or not, the length bounds. */
import type { JSX } from 'preact';
import { wordsRuleEffect } from '../lib/filters/rule-sentence';
import { t, type MessageKey } from '../lib/i18n';
import { parseCount, type DraftInput, type FieldOption, type RuleDraft } from './rules';

/** A typed bound as a count, or undefined while it is empty or not yet one. */
function countOrNothing(text: string): number | undefined {
  const n = parseCount(text);
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export interface Control {
  attrs: {
    id: string;
    'aria-invalid': 'true' | undefined;
    'aria-describedby': string | undefined;
    ref: (el: HTMLElement | null) => void;
  };
  after: JSX.Element;
}

export function PatternInput(props: {
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

/** The length rule's bounds, and a line saying which works the rule acts on. */
export function WordsInputs(props: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  min: Control;
  max: Control;
  ids: [string, string];
}) {
  const { draft, set } = props;
  return (
    <>
      <div class="form-row">
        <NumberInput label={t('ruleSentenceFormMinWords')} value={draft.min} onInput={(v) => set({ min: v }, 'min')} control={props.min} id={props.ids[0]} />
        <NumberInput label={t('ruleSentenceFormMaxWords')} value={draft.max} onInput={(v) => set({ max: v }, 'max')} control={props.max} id={props.ids[1]} />
      </div>
      <p class="hint rule-effect" aria-live="polite">
        {wordsRuleEffect(draft.action, countOrNothing(draft.min), countOrNothing(draft.max))}
      </p>
    </>
  );
}

export function NumberInput(props: {
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

/**
 * A choice of a few values (complete or in progress; works read or started): `choices` pairs a value
 * with the message naming it.
 */
export function ChoiceSelect<K extends 'value' | 'status'>(props: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  at: K;
  label: string;
  choices: readonly (readonly [RuleDraft[K], MessageKey])[];
  control: Control;
  id: string;
}) {
  const { at, choices } = props;
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <select
        {...props.control.attrs}
        value={props.draft[at]}
        onChange={(e) => {
          const choice = choices.find(([value]) => value === e.currentTarget.value) ?? choices[0]!;
          props.set({ [at]: choice[0] } as Partial<RuleDraft>, at);
        }}
      >
        {choices.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
      {props.control.after}
    </div>
  );
}

/** One group of the field chooser's options. */
export function FieldGroup(props: { label: string; options: readonly FieldOption[] }) {
  return (
    <optgroup label={props.label}>
      {props.options.map((o) => (
        <option key={o.field} value={o.field}>
          {t(o.key)}
        </option>
      ))}
    </optgroup>
  );
}
