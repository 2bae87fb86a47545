import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../lib/i18n';
import { App } from './App';

// index.html's <title> is the English fallback.
document.title = t('extName');
render(<App />, document.getElementById('app')!);
