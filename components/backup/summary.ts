import type { BackupSummary } from '../../lib/backup/format';
import { t } from '../../lib/i18n';
import { countText } from '../text';

/** "3 rules, 2 bookmarks, settings" */
export function describeSummary(s: BackupSummary): string {
  const rules = countText('backupRules', s.rules);
  const bookmarks = countText('backupBookmarks', s.bookmarks);
  return t(s.settings ? 'backupContentsWithSettings' : 'backupContents', rules, bookmarks);
}
