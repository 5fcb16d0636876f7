// A synthetic card for the simulator, as JSON a technician or a test can send. Never a real
// person's data: the defaults are the example of docs/protocols/idcard-reader.md, 张三 /
// 11010519491231002X.
import { z } from 'zod';
import { CardType, Sex } from '../bridge/contract';
import { LONG_TERM } from './card-date';
import { FIELD_CHARS, type CardTextInput } from './text-block';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const SimCard = z.object({
  cardType: CardType.default('resident'),
  name: z.string().min(1).max(FIELD_CHARS.name).default('张三'),
  nameEn: z.string().max(FIELD_CHARS.nameEn2017).optional(),
  sex: Sex.default('female'),
  nationCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  nationality: z.string().max(FIELD_CHARS.nationality).optional(),
  birthDate: isoDate.default('1949-12-31'),
  address: z.string().max(FIELD_CHARS.address).optional(),
  idNumber: z.string().min(1).max(FIELD_CHARS.idNumber).default('11010519491231002X'),
  issuer: z.string().max(FIELD_CHARS.issuer).optional(),
  validFrom: isoDate.default('2015-01-01'),
  validTo: z.union([isoDate, z.literal(LONG_TERM)]).default(LONG_TERM),
  permitNumber: z.string().max(FIELD_CHARS.permitNumber).optional(),
  issueCount: z.string().max(FIELD_CHARS.issueCount).optional(),
  cardVersion: z.string().max(2).optional(),
  previousCardLink: z.string().max(3).optional(),
  /** The 1,024 WLT bytes as base64; synthetic filler when absent. */
  photoWlt: z.string().optional(),
});
export type SimCard = z.output<typeof SimCard>;
export type SimCardInput = z.input<typeof SimCard>;

/** The resident defaults fill a bare card; other types get their doc's typical values. */
export function simCardText(card: SimCard): CardTextInput {
  const { photoWlt: _photo, ...text } = card;
  if (card.cardType === 'resident') {
    return {
      nationCode: '01',
      address: '北京市西城区复兴门外大街999号',
      issuer: '北京市公安局西城分局',
      ...text,
    };
  }
  return text;
}

/** Filler for the photo: not a WLT image, just 1,024 recognisable bytes. */
export function syntheticPhoto(): Uint8Array {
  return Uint8Array.from({ length: 1024 }, (_, i) => (i * 7 + 3) & 0xff);
}
