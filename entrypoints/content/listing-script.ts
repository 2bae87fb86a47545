/**
 * What the content script of every site page but work pages (listings, search, series, users…) adds
 * to filtering: bookmarks' markers and the reading history beside works. Work pages get
 * ./work-script.ts instead, with the reader: each page loads exactly one script, one per site
 * (../ao3.content.ts, ../ffn.content.ts), so a page carries only its own site's adapter.
 */
import { startBookmarksBesideWorks } from './bookmarks';
import { startHistoryBesideWorks } from './history';
import type { PageScript } from './run';

export const LISTING_SCRIPT: PageScript = { features: [startBookmarksBesideWorks, startHistoryBesideWorks] };
