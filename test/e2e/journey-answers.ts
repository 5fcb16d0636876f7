import type { FormField } from '../../sync/protocol/form-schema';

// Who stands at the kiosk in the journeys, and what they answer where a test says nothing:
// valid, and the same every run.

/** A synthetic citizen (GB 11643 check digit valid); screens and paper must show it masked. */
export const CITIZEN = {
  name: '张三丰',
  idNumber: '11010519491231002X',
  maskedName: '张*丰',
  maskedId: '110105********002X',
} as const;

/** The other parent of the newborn journey, typed by hand (check digit valid too). */
const OTHER_PARENT_ID = '110105198001010016';

/** The answer to a field by its type; a choice answers with its first option's value. */
export function defaultAnswer(field: FormField): string | undefined {
  switch (field.type) {
    case 'phone':
      return '13800138000';
    case 'number':
      return field.integer ? '3' : '1200';
    case 'date':
      return '2020-05-01';
    case 'idNumber':
      return OTHER_PARENT_ID;
    case 'address':
      return '人民路100号';
    case 'choice':
      return field.options[0]?.value;
    case 'signature':
      return 'signed';
    case 'text':
      // Names are typed in pinyin, everything else on the English layout.
      return /name|contact/i.test(field.key) && !/business/i.test(field.key)
        ? '王小明'
        : field.key === 'bankAccount'
          ? '6222020000000000'
          : 'demo';
  }
}
