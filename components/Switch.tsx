import type { ComponentChildren } from 'preact';

/**
 * An on/off switch: a button with role="switch" and aria-checked. Its accessible name is the
 * visible `children`, or `label` when there is nothing visible to read.
 */
export function Switch(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label?: string;
  children?: ComponentChildren;
  disabled?: boolean;
  describedBy?: string;
  id?: string;
}) {
  const { checked, onChange, label, children, disabled, describedBy, id } = props;
  return (
    <button
      type="button"
      role="switch"
      id={id}
      class="switch"
      aria-checked={checked ? 'true' : 'false'}
      aria-label={children === undefined ? label : undefined}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      {children !== undefined && <span class="switch-text">{children}</span>}
    </button>
  );
}
