/** The rule form's inputs for any rule (./RuleForm.tsx): where it applies (its fandom scope) and the reader's note. */
import { MAX_NOTE_LENGTH } from '../lib/filters/extras';
import type { Rule } from '../lib/filters/types';
import { t } from '../lib/i18n';
import type { ScopeMode } from './rule-extras';
import type { DraftInput, RuleDraft } from './rules';
import type { Control } from './RuleInputs';

export function RuleExtrasInputs(props: {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>, at?: DraftInput) => void;
  control: (at: DraftInput, hint?: string) => Control;
  idOf: (at: DraftInput) => string;
}) {
  const { draft, set, control, idOf } = props;
  const mode = control('scopeMode');
  const fandoms = control('scopeFandoms', t('scopeFormFandomsHint'));
  const note = control('note', t('noteFormHint', MAX_NOTE_LENGTH));
  return (
    <>
      <div class="form-row">
        <div class="form-field">
          <label for={idOf('scopeMode')}>{t('scopeFormMode')}</label>
          <select {...mode.attrs} value={draft.scopeMode} onChange={(e) => set({ scopeMode: e.currentTarget.value as ScopeMode }, 'scopeMode')}>
            <option value="all">{t('scopeFormEverywhere')}</option>
            <option value="only">{t('scopeFormOnly')}</option>
            <option value="except">{t('scopeFormExcept')}</option>
          </select>
          {mode.after}
        </div>
        {draft.scopeMode !== 'all' && (
          <div class="form-field">
            <label for={idOf('scopeFandoms')}>{t('scopeFormFandoms')}</label>
            <textarea
              {...fandoms.attrs}
              rows={2}
              spellcheck={false}
              value={draft.scopeFandoms}
              onInput={(e) => set({ scopeFandoms: e.currentTarget.value }, 'scopeFandoms')}
            />
            {fandoms.after}
          </div>
        )}
      </div>
      <div class="form-field">
        <label for={idOf('note')}>{t('noteFormLabel')}</label>
        <input
          {...note.attrs}
          type="text"
          autoComplete="off"
          maxLength={MAX_NOTE_LENGTH}
          value={draft.note}
          onInput={(e) => set({ note: e.currentTarget.value }, 'note')}
        />
        {note.after}
      </div>
    </>
  );
}

/** A rule's note in the rule lists, as text. */
export function RuleNote(props: { rule: Rule }) {
  if (!props.rule.note) return null;
  return (
    <>
      {' '}
      <span class="rule-note muted">{t('noteInList', props.rule.note)}</span>
    </>
  );
}
