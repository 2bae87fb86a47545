import { BackupPanel } from '../../components/BackupPanel';
import { FiltersSection } from '../../components/FiltersSection';
import { QuarantinePanel } from '../../components/QuarantinePanel';
import { ReaderSettingsForm } from '../../components/ReaderSettingsForm';
import { RulesTable } from '../../components/RulesTable';
import { Shelf } from '../../components/shelf/Shelf';
import { SyncPanel } from '../../components/SyncPanel';

export function App() {
  return (
    <div class="page options">
      <header class="page-head">
        <h1>Lamplight settings</h1>
        <nav aria-label="Sections">
          <ul>
            <li>
              <a href="#filters">Filters</a>
            </li>
            <li>
              <a href="#reader">Reader</a>
            </li>
            <li>
              <a href="#bookmarks">Bookmarks</a>
            </li>
            <li>
              <a href="#backup">Backup</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        <QuarantinePanel />
        <div id="filters" class="anchor">
          <FiltersSection list={(rules, announce) => <RulesTable rules={rules} announce={announce} />} />
        </div>
        <section id="reader" class="panel" aria-labelledby="reader-heading">
          <h2 id="reader-heading">Reader</h2>
          <ReaderSettingsForm />
        </section>
        <div id="bookmarks" class="anchor">
          <Shelf />
        </div>
        <SyncPanel />
        <section id="backup" class="panel" aria-labelledby="backup-heading">
          <h2 id="backup-heading">Backup</h2>
          <BackupPanel />
        </section>
      </main>
    </div>
  );
}
