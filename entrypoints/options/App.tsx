import { BackupPanel } from '../../components/backup/BackupPanel';
import { FilterOnAo3Switch } from '../../components/FilterOnAo3Switch';
import { FiltersSection } from '../../components/FiltersSection';
import { HistoryPanel } from '../../components/HistoryPanel';
import { QuarantinePanel } from '../../components/QuarantinePanel';
import { ReaderSettingsForm } from '../../components/ReaderSettingsForm';
import { RuleList } from '../../components/RuleList';
import { RuleTableLayout } from '../../components/RuleTableLayout';
import { Shelf } from '../../components/shelf/Shelf';
import { SyncPanel } from '../../components/SyncPanel';
import { t } from '../../lib/i18n';

export function App() {
  return (
    <div class="page options">
      <header class="page-head">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optionsSections')}>
          <ul>
            <li>
              <a href="#filters">{t('optionsNavFilters')}</a>
            </li>
            <li>
              <a href="#reader">{t('optionsNavReader')}</a>
            </li>
            <li>
              <a href="#bookmarks">{t('optionsNavBookmarks')}</a>
            </li>
            <li>
              <a href="#history">{t('optionsNavHistory')}</a>
            </li>
            <li>
              <a href="#backup">{t('optionsNavBackup')}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        <QuarantinePanel />
        <div id="filters" class="anchor">
          <FiltersSection
            list={(rules, announce) => <RuleList rules={rules} announce={announce} layout={RuleTableLayout} />}
            settings={<FilterOnAo3Switch />}
          />
        </div>
        <section id="reader" class="panel" aria-labelledby="reader-heading">
          <h2 id="reader-heading">{t('readerSettingsHeading')}</h2>
          <ReaderSettingsForm />
        </section>
        <div id="bookmarks" class="anchor">
          <Shelf />
        </div>
        <HistoryPanel />
        <SyncPanel />
        <section id="backup" class="panel" aria-labelledby="backup-heading">
          <h2 id="backup-heading">{t('backupHeading')}</h2>
          <BackupPanel />
        </section>
      </main>
    </div>
  );
}
