import type { BackupSummary } from '../../lib/backup/format';
import { t } from '../../lib/i18n';
import { countText } from '../text';

/** "3 rules, 2 bookmarks, settings", then ", 5 works of reading history" when the file's history has any. */
export function describeSummary(s: BackupSummary): string {
  const rules = countText('backupRules', s.rules);
  const bookmarks = countText('backupBookmarks', s.bookmarks);
  const text = t(s.settings ? 'backupContentsWithSettings' : 'backupContents', rules, bookmarks);
  return !s.history ? text : t('backupContentsAndHistory', text, countText('backupHistoryWorks', s.history));
}
