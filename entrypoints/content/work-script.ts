/**
 * What the content script of work pages (each site's WORK_MATCHES) adds to filtering: reader mode and
 * the work-page parts of bookmarks and the reading history (../ao3-work.content.ts,
 * ../ffn-work.content.ts). The listing scripts exclude these pages, so listings never load the reader.
 * A matched page that is not a work (AO3's /works/search) is classified as what it is and gets no reader.
 */
import { startBookmarks } from './bookmarks/work-feature';
import { startHistory } from './history/work-feature';
import { WORK_HISTORY_ANSWERS } from './history/this-work';
import { startReader } from './reader';
import type { PageScript } from './run';

export const WORK_SCRIPT: PageScript = { features: [startReader, startBookmarks, startHistory], workHistory: WORK_HISTORY_ANSWERS };
