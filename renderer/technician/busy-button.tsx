/** A panel's main action: disabled and saying so while it runs. */
export function BusyButton({
  busy,
  disabled = false,
  primary = true,
  label,
  busyLabel,
  onClick,
}: {
  busy: boolean;
  /** Disabled for another reason than running (nothing to save, say). */
  disabled?: boolean;
  primary?: boolean;
  label: string;
  busyLabel: string;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={primary ? 'tech-button tech-button-primary' : 'tech-button'}
      disabled={busy || disabled}
      onClick={onClick}
    >
      {busy ? busyLabel : label}
    </button>
  );
}
