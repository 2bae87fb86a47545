import { browser } from 'wxt/browser';
import { FiltersSection } from '../../components/FiltersSection';
import { RuleList } from '../../components/RuleList';
import { Shelf } from '../../components/shelf/Shelf';
import { Tabs } from '../../components/Tabs';
import { ThisPage } from '../../components/ThisPage';
import type { ShelfEntry } from '../../lib/bookmarks/shelf';
import { t } from '../../lib/i18n';

/** `shelf`: the bookmarks read from the shelf index before rendering (see `Shelf`'s `indexed`). */
export function App({ shelf }: { shelf?: ShelfEntry[] | null }) {
  return (
    <main class="page popup">
      <header class="page-head">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupAllSettings')}
        </button>
      </header>
      {/* What a reader does daily first (this page, Resume); filters one step away. */}
      <Tabs
        label={t('popupTabsLabel')}
        tabs={[
          {
            id: 'reading',
            label: t('popupTabReading'),
            panel: (
              <>
                <ThisPage />
                <Shelf compact indexed={shelf} />
              </>
            ),
          },
          {
            id: 'filters',
            label: t('popupTabFilters'),
            panel: <FiltersSection list={(rules, announce) => <RuleList rules={rules} announce={announce} />} />,
          },
        ]}
      />
    </main>
  );
}
