/**
 * A polite live region for what just happened ("Added rule tag: *Angst*"), with an optional
 * Undo. The region is always in the page so screen readers announce changes to it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { errorText } from './hooks';

export interface StatusMessage {
  text: string;
  /** Something went wrong (shown as an error, still announced politely). */
  error?: boolean;
  undo?: () => Promise<unknown>;
  /** Move focus to the Undo button (after a deletion took away the focused control). */
  focusUndo?: boolean;
}

export function Status(props: { message: StatusMessage | null; onChange: (m: StatusMessage | null) => void }) {
  const { message, onChange } = props;
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (message?.focusUndo) undoRef.current?.focus();
  }, [message]);
  return (
    <div role="status" class={`status ${message?.error ? 'status-error' : ''}`}>
      {message && (
        <>
          <span>{message.text}</span>
          {message.undo && (
            <button
              type="button"
              class="link-button"
              ref={undoRef}
              onClick={() => {
                const undo = message.undo;
                onChange(null);
                undo?.().then(
                  () => onChange({ text: t('commonUndone') }),
                  (err: unknown) => onChange({ text: t('commonCouldNotUndo', errorText(err)), error: true }),
                );
              }}
            >
              {t('commonUndo')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
