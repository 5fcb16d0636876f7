import type { Translate } from '../../domain/i18n/translator';

export type KeypadKey =
  '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '-' | 'back' | 'clear';

interface NumericKeypadProps {
  t: Translate;
  onKey(key: KeypadKey): void;
  /** The hotline needs a dash; the PIN does not. */
  withDash?: boolean;
  disabled?: boolean;
}

const digitRows: KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/** Large touch keys in the telephone layout; there is no physical keyboard on a kiosk. */
export function NumericKeypad({ t, onKey, withDash, disabled }: NumericKeypadProps) {
  const key = (value: KeypadKey, label: string, extra = '') => (
    <button
      key={value}
      type="button"
      className={`tech-key ${extra}`}
      disabled={disabled}
      aria-label={
        value === 'back' ? t('pin.backspace') : value === 'clear' ? t('pin.clear') : label
      }
      onClick={() => onKey(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="tech-keypad" role="group">
      {digitRows.flat().map((d) => key(d, d))}
      {withDash ? key('-', '-') : key('clear', t('pin.clear'), 'tech-key-secondary')}
      {key('0', '0')}
      {key('back', '⌫', 'tech-key-secondary')}
      {withDash ? key('clear', t('pin.clear'), 'tech-key-secondary tech-key-wide') : null}
    </div>
  );
}
