import { browser } from 'wxt/browser';
import { FiltersSection } from '../../components/FiltersSection';
import { RuleList } from '../../components/RuleList';
import { Shelf } from '../../components/shelf/Shelf';
import { ThisPage } from '../../components/ThisPage';
import { t } from '../../lib/i18n';

export function App() {
  return (
    <main class="page popup">
      <header class="page-head">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupAllSettings')}
        </button>
      </header>
      <ThisPage />
      <FiltersSection list={(rules, announce) => <RuleList rules={rules} announce={announce} />} />
      <Shelf compact />
    </main>
  );
}
