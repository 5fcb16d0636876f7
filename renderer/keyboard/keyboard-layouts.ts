// The on-screen keyboard's layouts in simple-keyboard's notation. Functional keys are in
// braces; their captions come from the i18n texts.

export type LayoutKind = 'pinyin' | 'english' | 'numeric' | 'idNumber' | 'date';

const letters = ['q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m'];

export function layoutRows(kind: LayoutKind, switches: LayoutKind[]): string[] {
  const switchKeys = switches.filter((s) => s !== kind).map((s) => `{${s}}`);
  switch (kind) {
    case 'pinyin':
    case 'english':
      return [
        `1 2 3 4 5 6 7 8 9 0 {bksp}`,
        letters[0]!,
        letters[1]!,
        `${letters[2]} - ·`,
        [...switchKeys, '{space}', '{done}'].join(' '),
      ];
    case 'numeric':
      return ['1 2 3', '4 5 6', '7 8 9', '. 0 {bksp}', [...switchKeys, '{done}'].join(' ')];
    case 'idNumber':
      return ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}', '{done}'];
    case 'date':
      return ['1 2 3', '4 5 6', '7 8 9', '- 0 {bksp}', '{done}'];
  }
}

/** Dates are typed as digits; the dashes of YYYY-MM-DD come by themselves. */
export function formatDateDigits(raw: string): string {
  const digits = raw.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}
