/** The reading history with its work-page part: the feature as the work pages' script starts it. */
import type { Feature } from '../page';
import type { HistoryDeps } from './deps';
import { historyFeature } from './index';
import { startWorkHistory } from './work';

/** The feature with its clock and idle wait injectable (tests). */
export const createHistoryFeature = (overrides: Partial<HistoryDeps> = {}): Feature => historyFeature(overrides, startWorkHistory);

export const startHistory: Feature = createHistoryFeature();
