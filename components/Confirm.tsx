/** An inline "are you sure?" with the action and Cancel. Focus moves to the action when shown. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

export function Confirm(props: {
  children: ComponentChildren;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
  label: string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={props.label}>
      <p>{props.children}</p>
      <div class="form-actions">
        <button type="button" class="danger" ref={button} onClick={props.onConfirm}>
          {props.action}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('commonCancel')}
        </button>
      </div>
    </div>
  );
}
