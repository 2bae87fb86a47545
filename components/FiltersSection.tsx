/**
 * The Filters section of the popup and of the options page: Pause filtering, Show titles of
 * filtered works, the warning and rating toggles, the add-rule form and the reader's rules (`list` draws them: a compact list
 * in the popup, the full table on the options page).
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Rule } from '../lib/filters/types';
import { t } from '../lib/i18n';
import { saveAppSettings } from '../lib/storage/settings';
import { FilterToggles } from './FilterToggles';
import { errorText, useAppSettings, useRules } from './hooks';
import { addRuleAt, duplicateOf } from './rule-actions';
import { RuleForm } from './RuleForm';
import { ruleName } from './rules';
import { Status, type StatusMessage } from './Status';
import { Switch } from './Switch';
import { formatNumber } from './text';

export function FiltersSection(props: {
  list: (rules: readonly Rule[], announce: (m: StatusMessage) => void) => JSX.Element;
  /** More filter settings, after the switches (the options page's Filter on AO3 too). */
  settings?: JSX.Element;
}) {
  const [rules, rulesError] = useRules();
  const [app, appError] = useAppSettings();
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const paused = app?.filteringPaused ?? false;

  const setPaused = (filteringPaused: boolean) => {
    saveAppSettings({ filteringPaused }).then(
      () => setStatus({ text: t(filteringPaused ? 'rulesPausedStatus' : 'rulesResumedStatus') }),
      (err: unknown) => setStatus({ text: t('commonCouldNotSave', errorText(err)), error: true }),
    );
  };

  const setShowTitles = (showFilteredTitles: boolean) => {
    saveAppSettings({ showFilteredTitles }).catch((err: unknown) =>
      setStatus({ text: t('commonCouldNotSave', errorText(err)), error: true }),
    );
  };

  const add = async (rule: Rule): Promise<string | null> => {
    const duplicate = duplicateOf(rules ?? [], rule);
    if (duplicate) return duplicate;
    await addRuleAt(rule);
    setStatus({ text: t('rulesAdded', ruleName(rule)) });
    return null;
  };

  const problem = rulesError ?? appError;
  return (
    <section class="panel" aria-labelledby="filters-heading">
      <div class="panel-head">
        <h2 id="filters-heading">{t('rulesHeading')}</h2>
        <Switch checked={paused} onChange={setPaused} disabled={app === null} describedBy="pause-note">
          {t('rulesPause')}
        </Switch>
      </div>
      <p id="pause-note" class={paused ? 'note' : 'visually-hidden'}>
        {t(paused ? 'rulesPausedNote' : 'rulesPauseHint')}
      </p>
      <Switch
        checked={app?.showFilteredTitles ?? true}
        onChange={setShowTitles}
        disabled={app === null}
        describedBy="filter-titles-note"
      >
        {t('filterRevealShowTitles')}
      </Switch>
      <p id="filter-titles-note" class="visually-hidden">
        {t('filterRevealShowTitlesHint')}
      </p>
      {props.settings}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {rules && <FilterToggles rules={rules} announce={(text) => setStatus({ text })} />}
      <h3 id="add-rule-heading">{t('rulesAddHeading')}</h3>
      <RuleForm label={t('rulesAddHeading')} submitLabel={t('rulesAddSubmit')} onSubmit={add} />
      <h3 id="rules-heading">
        {t('rulesYourRules')}
        {rules && rules.length > 0 ? (
          <span class="count">
            {' '}
            {t('commonCount', formatNumber(rules.length))}
          </span>
        ) : null}
      </h3>
      {rules ? props.list(rules, setStatus) : <p class="muted">{t('commonLoading')}</p>}
      <Status message={status} onChange={setStatus} />
    </section>
  );
}
