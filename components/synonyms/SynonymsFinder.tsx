/**
 * On a tag rule (options page): Find synonyms on AO3, which asks for the
 * permission and reads the tag's page once per click (./lookup.ts), then lets the reader choose
 * which of the names found the rule should also cover.
 */
import { useId, useState } from 'preact/hooks';
import { canLookUpSynonyms } from '../../lib/filters/synonyms';
import type { Rule } from '../../lib/filters/types';
import { listOf, t } from '../../lib/i18n';
import { errorText } from '../hooks';
import { ruleName } from '../rules';
import type { StatusMessage } from '../Status';
import { isTextRule } from './CoveredNames';
import { addCoveredNames, lookUpSynonyms, namesToOffer } from './lookup';

type State =
  | { at: 'idle' }
  | { at: 'loading' }
  | { at: 'error'; message: string }
  | { at: 'found'; offered: string[]; listed: boolean; mergedInto: string | null; chosen: ReadonlySet<string> };

export function SynonymsFinder(props: { rule: Rule; announce: (m: StatusMessage) => void }) {
  const { rule, announce } = props;
  const id = useId();
  const [state, setState] = useState<State>({ at: 'idle' });
  if (!isTextRule(rule) || !canLookUpSynonyms(rule)) return null;
  const name = rule.pattern;

  const find = () => {
    if (state.at === 'loading') return;
    // Synchronously in the click: the permission prompt needs the reader's gesture.
    const lookup = lookUpSynonyms(name);
    setState({ at: 'loading' });
    lookup.then((found) => {
      if (!found.ok) return setState({ at: 'error', message: found.error });
      const offered = namesToOffer(rule, found);
      const mergedInto = found.mergedInto && offered.includes(found.mergedInto) ? found.mergedInto : null;
      const listed = found.synonyms.length > 0 || found.mergedInto !== null;
      setState({ at: 'found', offered, listed, mergedInto, chosen: new Set(offered) });
    });
  };

  const add = (names: string[]) => {
    addCoveredNames(rule.id, names).then(
      () => {
        setState({ at: 'idle' });
        announce({ text: t('synonymsAdded', ruleName(rule), listOf(names)) });
      },
      (err: unknown) => announce({ text: t('commonCouldNotSave', errorText(err)), error: true }),
    );
  };

  const toggle = (n: string, on: boolean) =>
    setState((s) => {
      if (s.at !== 'found') return s;
      const chosen = new Set(s.chosen);
      if (on) chosen.add(n);
      else chosen.delete(n);
      return { ...s, chosen };
    });

  return (
    <div class="synonyms">
      <button
        type="button"
        class="synonyms-find"
        aria-label={t('synonymsFindLabel', name)}
        aria-describedby={`${id}-hint`}
        title={t('synonymsFindHint')}
        disabled={state.at === 'loading'}
        onClick={find}
      >
        {t('synonymsFind')}
      </button>
      <span id={`${id}-hint`} class="visually-hidden">
        {t('synonymsFindHint')}
      </span>
      <div aria-live="polite">
        {state.at === 'loading' && <p class="muted">{t('synonymsLoading', name)}</p>}
        {state.at === 'error' && (
          <p class="field-error" role="alert">
            {state.message}
          </p>
        )}
        {state.at === 'found' && (
          <FoundNames
            name={name}
            state={state}
            onToggle={toggle}
            onAdd={() => add(state.offered.filter((n) => state.chosen.has(n)))}
            onClose={() => setState({ at: 'idle' })}
          />
        )}
      </div>
    </div>
  );
}

function FoundNames(props: {
  name: string;
  state: Extract<State, { at: 'found' }>;
  onToggle: (name: string, on: boolean) => void;
  onAdd: () => void;
  onClose: () => void;
}) {
  const { name, state, onToggle, onAdd, onClose } = props;
  const empty = state.offered.length === 0;
  const intro = state.mergedInto
    ? t('synonymsMergedInto', name, state.mergedInto)
    : empty
      ? t(state.listed ? 'synonymsNothingNew' : 'synonymsNoneFound', name)
      : t('synonymsFound', name);
  return (
    <div class="synonyms-found">
      <p>{intro}</p>
      {!empty && (
        <fieldset class="synonyms-names">
          <legend class="visually-hidden">{t('synonymsNamesGroup')}</legend>
          {state.offered.map((n) => (
            <label key={n}>
              <input type="checkbox" checked={state.chosen.has(n)} onChange={(e) => onToggle(n, e.currentTarget.checked)} />{' '}
              {n}
            </label>
          ))}
        </fieldset>
      )}
      <div class="form-actions">
        {!empty && (
          <button type="button" class="primary" disabled={state.chosen.size === 0} onClick={onAdd}>
            {t('synonymsAdd')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('synonymsClose')}
        </button>
      </div>
    </div>
  );
}
