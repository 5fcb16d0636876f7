// Sex codes of the chip (GB/T 2261.1).
import type { Identity } from '../bridge/contract';

export type Sex = Identity['sex'];

const BY_CODE: Record<string, Sex> = {
  '0': 'unknown',
  '1': 'male',
  '2': 'female',
  '9': 'unspecified',
};

export function sexFromCode(code: string): Sex {
  return BY_CODE[code] ?? 'unknown';
}

export function sexCode(sex: Sex): string {
  return { unknown: '0', male: '1', female: '2', unspecified: '9' }[sex];
}
