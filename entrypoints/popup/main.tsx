import './start-shelf-read'; // first: see that file
import { render } from 'preact';
import '../../components/ui.css';
import { t } from '../../lib/i18n';
import { readShelfIndex } from '../../lib/storage/shelf-index';
import { App } from './App';

/** How long the popup waits for the shelf's read before it renders anyway (a slow storage). */
const SHELF_WAIT_MS = 150;

// index.html's <title> is the English fallback.
document.title = t('extName');
// One render with the shelf in hand, rather than an empty one laid out and then redone.
const shelf = await Promise.race([readShelfIndex(), new Promise<undefined>((resolve) => setTimeout(resolve, SHELF_WAIT_MS))]);
render(<App shelf={shelf} />, document.getElementById('app')!);
