// Imported first by main.tsx: modules run in import order, so the shelf's one storage read starts
// before the rest of the popup's modules run.
import { startShelfIndexRead } from '../../lib/storage/shelf-index-read';

startShelfIndexRead();
