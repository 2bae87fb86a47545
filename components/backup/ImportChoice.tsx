/** What a picked backup holds, and Merge, Replace (confirmed inline) or Cancel. */
import { useState } from 'preact/hooks';
import type { ImportMode } from '../../lib/backup/apply';
import { t } from '../../lib/i18n';
import { Confirm } from '../Confirm';
import { tx } from '../text';
import type { PickedBackup } from './read-file';
import { describeSummary } from './summary';

export function ImportChoice(props: { picked: PickedBackup; busy: boolean; onImport: (mode: ImportMode) => void; onCancel: () => void }) {
  const { picked, busy } = props;
  const [confirmReplace, setConfirmReplace] = useState(false);
  const importAs = (mode: ImportMode) => {
    setConfirmReplace(false);
    props.onImport(mode);
  };
  return (
    <div class="import-choice" role="group" aria-label={t('backupImportGroup')}>
      <p>{tx('backupHolds', <strong>{picked.name}</strong>, describeSummary(picked.summary))}</p>
      <p class="muted">{t('backupMergeOrReplace')}</p>
      {confirmReplace ? (
        <Confirm
          label={t('backupConfirmReplace')}
          action={t('backupReplaceEverything')}
          onConfirm={() => importAs('replace')}
          onCancel={() => setConfirmReplace(false)}
        >
          {t('backupReplaceQuestion')}
        </Confirm>
      ) : (
        <div class="form-actions">
          <button type="button" class="primary" disabled={busy} onClick={() => importAs('merge')}>
            {t('backupMerge')}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirmReplace(true)}>
            {t('backupReplace')}
          </button>
          <button type="button" class="link-button" disabled={busy} onClick={props.onCancel}>
            {t('commonCancel')}
          </button>
        </div>
      )}
    </div>
  );
}
