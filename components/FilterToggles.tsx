/**
 * One-click toggles for AO3's archive warnings and ratings. A toggle is on when an enabled
 * `collapse` rule names it; switching it on adds (or re-enables) that rule, off removes it.
 */
import type { Rule } from '../lib/filters/types';
import { ARCHIVE_WARNINGS, RATINGS, type TagChoice } from '../lib/filters/warnings';
import { t } from '../lib/i18n';
import { errorText } from './hooks';
import { switchToggle } from './rule-actions';
import { toggleIsOn, type ToggleField } from './rules';

export function FilterToggles(props: { rules: readonly Rule[]; announce: (text: string) => void }) {
  return (
    <div class="toggle-groups">
      <ToggleGroup legend={t('rulesToggleWarnings')} field="warning" choices={ARCHIVE_WARNINGS} {...props} />
      <ToggleGroup legend={t('rulesToggleRatings')} field="rating" choices={RATINGS} {...props} />
    </div>
  );
}

function ToggleGroup(props: {
  legend: string;
  field: ToggleField;
  choices: readonly TagChoice[];
  rules: readonly Rule[];
  announce: (text: string) => void;
}) {
  const { legend, field, choices, rules, announce } = props;
  const change = (choice: TagChoice, on: boolean) => {
    switchToggle(field, choice.name, on).then(
      () => announce(t(on ? 'rulesToggleOn' : 'rulesToggleOff', choice.label)),
      (err: unknown) => announce(t('commonCouldNotSave', errorText(err))),
    );
  };
  return (
    <fieldset class="chips">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.name} class="chip">
          <input
            type="checkbox"
            checked={toggleIsOn(rules, field, choice.name)}
            onChange={(e) => change(choice, e.currentTarget.checked)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
