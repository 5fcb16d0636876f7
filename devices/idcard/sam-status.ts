// SW3, the status byte of every SAM reply, as a typed result a technician and a citizen can
// both be told about: its texts are the device.idcard.sam.* messages.
import { byteHex } from '../../domain/hex';
import type { DeviceMessage } from '../driver/device-message';

export const SAM_STATUSES = {
  0x90: 'ok',
  0x9f: 'card-found',
  0x10: 'checksum-error',
  0x11: 'length-error',
  0x21: 'bad-command',
  0x23: 'not-permitted',
  0x24: 'unknown-error',
  0x31: 'card-auth-sam-failed',
  0x32: 'sam-auth-card-failed',
  0x33: 'verification-error',
  0x40: 'wrong-card-type',
  0x41: 'read-failed',
  0x47: 'random-failed',
  0x60: 'self-test-failed',
  0x66: 'sam-not-authorised',
  0x80: 'find-failed',
  0x81: 'select-failed',
  0x91: 'no-content',
} as const;

export type KnownStatusName = (typeof SAM_STATUSES)[keyof typeof SAM_STATUSES];
export type SamStatusName = KnownStatusName | 'unrecognised';

export interface SamStatus {
  code: number;
  name: SamStatusName;
  /** 90 and 9F: the command did what was asked. */
  ok: boolean;
  message: DeviceMessage;
}

export function samStatus(sw3: number): SamStatus {
  const known = (SAM_STATUSES as Record<number, KnownStatusName>)[sw3];
  if (!known) {
    return {
      code: sw3,
      name: 'unrecognised',
      ok: false,
      message: { key: 'device.idcard.sam.unrecognised', params: { status: byteHex(sw3) } },
    };
  }
  return {
    code: sw3,
    name: known,
    ok: sw3 === 0x90 || sw3 === 0x9f,
    message: { key: `device.idcard.sam.${known}` },
  };
}

/** Statuses worth one more try: a card slid in late or held askew. */
export function isTransientStatus(sw3: number): boolean {
  return sw3 === 0x80 || sw3 === 0x81 || sw3 === 0x41;
}
