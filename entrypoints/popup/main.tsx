import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../lib/i18n';
import { prefetchShelfIndex } from '../../lib/storage/shelf-index';
import { App } from './App';

// The shelf's one read starts before anything renders.
prefetchShelfIndex();
// index.html's <title> is the English fallback.
document.title = t('extName');
render(<App />, document.getElementById('app')!);
