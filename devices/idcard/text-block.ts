// The 256-byte text block of the chip: UCS-2 little-endian fields at fixed offsets, padded
// with spaces, in one of four layouts chosen by the type flag at byte 248.
import type { CardType } from '../bridge/contract';
import { cardDateToIso, isoToCardDate } from './card-date';
import { checkIdNumber, type IdNumberCheck } from '../../domain/id-number';
import { nationName } from './nation-codes';
import { sexCode, sexFromCode, type Sex } from './sex-codes';
import { toHex } from '../../domain/hex';

export const TEXT_BLOCK_SIZE = 256;
const FLAG_OFFSET = 248;

/** Field name → [offset, length in bytes]. */
type Layout = Record<string, readonly [number, number]>;

const RESIDENT = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birth: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Layout;

const HMT_PERMIT = {
  ...RESIDENT,
  permitNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Layout;

const FOREIGNER_2017 = {
  nameEn: [0, 120],
  sex: [120, 2],
  idNumber: [122, 30],
  nationality: [152, 6],
  name: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  birth: [220, 16],
  cardVersion: [236, 4],
  issuer: [240, 8],
} as const satisfies Layout;

const FOREIGNER_2023 = {
  name: [0, 30],
  sex: [30, 2],
  renewalCount: [32, 4],
  birth: [36, 16],
  nameEn1: [52, 70],
  idNumber: [122, 36],
  validFrom: [188, 16],
  validTo: [204, 16],
  nameEn2: [220, 22],
  nationality: [242, 6],
  previousCardLink: [250, 6],
} as const satisfies Layout;

const FLAGS: Record<CardType, string> = {
  resident: ' ',
  'hmt-permit': 'J',
  'foreigner-2017': 'I',
  'foreigner-2023': 'Y',
};

/** Everything the text block says, decoded. Dates YYYY-MM-DD (validTo may be 长期). */
export interface CardText {
  cardType: CardType;
  /** Chinese name; on a foreigner's card without one, the English name. */
  name: string;
  nameEn?: string;
  sex: Sex;
  nationCode?: string;
  nation?: string;
  /** ISO 3166 alpha-3, foreigners' cards. */
  nationality?: string;
  birthDate: string;
  address?: string;
  idNumber: string;
  idNumberCheck: IdNumberCheck;
  issuer?: string;
  validFrom: string;
  validTo: string;
  permitNumber?: string;
  /** HMT permit: 签发次数; 2023 foreigner card: 换证次数. */
  issueCount?: string;
  /** Foreigner card 2017: the card version. */
  cardVersion?: string;
  /** Foreigner card 2023: the link to the old card's number. */
  previousCardLink?: string;
}

export type TextBlockResult =
  { ok: true; text: CardText } | { ok: false; problem: 'size' | 'card-type'; message: string };

const decoder = new TextDecoder('utf-16le');

function field(block: Uint8Array, [offset, length]: readonly [number, number]): string {
  return fieldRaw(block, [offset, length]).trim();
}

function fieldRaw(block: Uint8Array, [offset, length]: readonly [number, number]): string {
  // Some readers pad with NUL instead of spaces: read both as padding.
  return decoder
    .decode(block.subarray(offset, offset + length))
    .replaceAll(String.fromCharCode(0), ' ');
}

const optional = (value: string) => (value === '' ? undefined : value);

export function cardTypeOf(block: Uint8Array): CardType | undefined {
  const flag = fieldRaw(block, [FLAG_OFFSET, 2]);
  return (Object.keys(FLAGS) as CardType[]).find((type) => FLAGS[type] === flag);
}

export function parseTextBlock(block: Uint8Array): TextBlockResult {
  if (block.length !== TEXT_BLOCK_SIZE) {
    return {
      ok: false,
      problem: 'size',
      message: `text block of ${block.length} bytes, expected ${TEXT_BLOCK_SIZE}`,
    };
  }
  const cardType = cardTypeOf(block);
  if (!cardType) {
    const flag = toHex(block.subarray(FLAG_OFFSET, FLAG_OFFSET + 2), { lowercase: true });
    return { ok: false, problem: 'card-type', message: `unknown card type flag ${flag}` };
  }
  const text = (() => {
    switch (cardType) {
      case 'resident':
      case 'hmt-permit':
        return parseResidentLayout(block, cardType);
      case 'foreigner-2017':
        return parseForeigner2017(block);
      case 'foreigner-2023':
        return parseForeigner2023(block);
    }
  })();
  return { ok: true, text };
}

function parseResidentLayout(block: Uint8Array, cardType: 'resident' | 'hmt-permit'): CardText {
  const L = HMT_PERMIT;
  const idNumber = field(block, L.idNumber);
  const nationCode = optional(field(block, L.nation));
  const nation = nationCode === undefined ? undefined : nationName(nationCode);
  return {
    cardType,
    name: field(block, L.name),
    sex: sexFromCode(field(block, L.sex)),
    ...(nationCode === undefined ? {} : { nationCode }),
    ...(nation === undefined ? {} : { nation }),
    birthDate: cardDateToIso(field(block, L.birth)),
    ...defined({
      address: optional(field(block, L.address)),
      issuer: optional(field(block, L.issuer)),
    }),
    idNumber,
    idNumberCheck: checkIdNumber(idNumber),
    validFrom: cardDateToIso(field(block, L.validFrom)),
    validTo: cardDateToIso(field(block, L.validTo)),
    ...(cardType === 'hmt-permit'
      ? defined({
          permitNumber: optional(field(block, L.permitNumber)),
          issueCount: optional(field(block, L.issueCount)),
        })
      : {}),
  };
}

function parseForeigner2017(block: Uint8Array): CardText {
  const L = FOREIGNER_2017;
  const nameEn = field(block, L.nameEn);
  const idNumber = field(block, L.idNumber);
  return {
    cardType: 'foreigner-2017',
    name: field(block, L.name) || nameEn,
    ...defined({ nameEn: optional(nameEn), nationality: optional(field(block, L.nationality)) }),
    sex: sexFromCode(field(block, L.sex)),
    birthDate: cardDateToIso(field(block, L.birth)),
    idNumber,
    idNumberCheck: checkForeigner2017Number(idNumber),
    ...defined({
      issuer: optional(field(block, L.issuer)),
      cardVersion: optional(field(block, L.cardVersion)),
    }),
    validFrom: cardDateToIso(field(block, L.validFrom)),
    validTo: cardDateToIso(field(block, L.validTo)),
  };
}

function parseForeigner2023(block: Uint8Array): CardText {
  const L = FOREIGNER_2023;
  // A long English name runs on from the first field into the second.
  const nameEn = (fieldRaw(block, L.nameEn1) + fieldRaw(block, L.nameEn2)).trim();
  const idNumber = field(block, L.idNumber);
  return {
    cardType: 'foreigner-2023',
    name: field(block, L.name) || nameEn,
    ...defined({ nameEn: optional(nameEn), nationality: optional(field(block, L.nationality)) }),
    sex: sexFromCode(field(block, L.sex)),
    birthDate: cardDateToIso(field(block, L.birth)),
    idNumber,
    idNumberCheck: checkIdNumber(idNumber),
    ...defined({
      issueCount: optional(field(block, L.renewalCount)),
      previousCardLink: optional(field(block, L.previousCardLink)),
    }),
    validFrom: cardDateToIso(field(block, L.validFrom)),
    validTo: cardDateToIso(field(block, L.validTo)),
  };
}

/**
 * The 2017 card number is three letters (nationality) and twelve digits; its check scheme
 * is not GB 11643, and not published in the protocol doc, so only the shape is checked.
 */
function checkForeigner2017Number(idNumber: string): IdNumberCheck {
  if (/^[A-Z]{3}\d{12}$/.test(idNumber)) return { valid: true };
  return { valid: false, problem: idNumber.length === 15 ? 'characters' : 'length' };
}

function defined<T extends Record<string, string | undefined>>(
  fields: T,
): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Building a block: for the simulator and tests (synthetic cards only).

export type CardTextInput = Omit<CardText, 'idNumberCheck' | 'nation'>;

export function buildTextBlock(card: CardTextInput): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_SIZE);
  put(block, [0, TEXT_BLOCK_SIZE], '');
  const date = (iso: string) => isoToCardDate(iso);
  switch (card.cardType) {
    case 'resident':
    case 'hmt-permit': {
      const L = HMT_PERMIT;
      put(block, L.name, card.name);
      put(block, L.sex, sexCode(card.sex));
      put(block, L.nation, card.nationCode ?? '');
      put(block, L.birth, date(card.birthDate));
      put(block, L.address, card.address ?? '');
      put(block, L.idNumber, card.idNumber);
      put(block, L.issuer, card.issuer ?? '');
      put(block, L.validFrom, date(card.validFrom));
      put(block, L.validTo, date(card.validTo));
      if (card.cardType === 'hmt-permit') {
        put(block, L.permitNumber, card.permitNumber ?? '');
        put(block, L.issueCount, card.issueCount ?? '');
      }
      break;
    }
    case 'foreigner-2017': {
      const L = FOREIGNER_2017;
      put(block, L.nameEn, card.nameEn ?? '');
      put(block, L.sex, sexCode(card.sex));
      put(block, L.idNumber, card.idNumber);
      put(block, L.nationality, card.nationality ?? '');
      put(block, L.name, card.name === card.nameEn ? '' : card.name);
      put(block, L.validFrom, date(card.validFrom));
      put(block, L.validTo, date(card.validTo));
      put(block, L.birth, date(card.birthDate));
      put(block, L.cardVersion, card.cardVersion ?? '');
      put(block, L.issuer, card.issuer ?? '');
      break;
    }
    case 'foreigner-2023': {
      const L = FOREIGNER_2023;
      const nameEn = card.nameEn ?? '';
      const firstChars = L.nameEn1[1] / 2;
      put(block, L.name, card.name === card.nameEn ? '' : card.name);
      put(block, L.sex, sexCode(card.sex));
      put(block, L.renewalCount, card.issueCount ?? '');
      put(block, L.birth, date(card.birthDate));
      put(block, L.nameEn1, nameEn.slice(0, firstChars));
      put(block, L.nameEn2, nameEn.slice(firstChars));
      put(block, L.idNumber, card.idNumber);
      put(block, L.validFrom, date(card.validFrom));
      put(block, L.validTo, date(card.validTo));
      put(block, L.nationality, card.nationality ?? '');
      put(block, L.previousCardLink, card.previousCardLink ?? '');
      break;
    }
  }
  put(block, [FLAG_OFFSET, 2], FLAGS[card.cardType]);
  return block;
}

/** Writes text as UCS-2 LE, padded with spaces; text longer than the field is cut. */
function put(block: Uint8Array, [offset, length]: readonly [number, number], text: string): void {
  for (let i = 0; i < length / 2; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : 0x20;
    block[offset + 2 * i] = unit & 0xff;
    block[offset + 2 * i + 1] = unit >> 8;
  }
}

/** Characters a field holds: tests and the simulator's schema keep within them. */
export const FIELD_CHARS = {
  name: RESIDENT.name[1] / 2,
  address: RESIDENT.address[1] / 2,
  issuer: RESIDENT.issuer[1] / 2,
  idNumber: RESIDENT.idNumber[1] / 2,
  nameEn2017: FOREIGNER_2017.nameEn[1] / 2,
  nameEn2023: (FOREIGNER_2023.nameEn1[1] + FOREIGNER_2023.nameEn2[1]) / 2,
  permitNumber: HMT_PERMIT.permitNumber[1] / 2,
  issueCount: HMT_PERMIT.issueCount[1] / 2,
  nationality: FOREIGNER_2017.nationality[1] / 2,
} as const;
