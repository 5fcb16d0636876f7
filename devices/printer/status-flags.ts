// What the status bytes of a receipt printer mean, per scheme (docs/protocols/escpos.md),
// and how the flags collapse into the contract's one-word state.
import type { PrinterState, PrinterStatus } from '../bridge/contract';
import type { PrinterProfile } from './profile';

export interface PrinterFlags {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  /** Jam, head over temperature, unrecoverable: it will not print until someone looks. */
  otherError: boolean;
  ticketInPresenter: boolean;
}

export const NO_FLAGS: PrinterFlags = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  cutterError: false,
  otherError: false,
  ticketInPresenter: false,
};

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

/** One DLE EOT n answer merged into the flags gathered so far. */
export function applyDleEot(
  flags: PrinterFlags,
  n: 1 | 2 | 3 | 4,
  byte: number,
  profile: PrinterProfile,
): PrinterFlags {
  switch (n) {
    case 1:
      return { ...flags, offline: bit(byte, 3) };
    case 2:
      return { ...flags, coverOpen: bit(byte, 2), paperOut: flags.paperOut || bit(byte, 5) };
    case 3: {
      const jamBit = profile.status.kind === 'dle-eot' ? profile.status.jamBit : undefined;
      const jam = jamBit !== undefined && bit(byte, jamBit);
      return {
        ...flags,
        cutterError: bit(byte, 3),
        otherError: bit(byte, 5) || bit(byte, 6) || jam,
      };
    }
    case 4:
      return {
        ...flags,
        paperNearEnd: (byte & 0x0c) !== 0,
        paperOut: flags.paperOut || (byte & 0x60) !== 0,
      };
  }
}

/** The four bytes of automatic status back (GS a), Epson layout. */
export function fromAutoStatus(bytes: ArrayLike<number>): PrinterFlags {
  const [b1 = 0, b2 = 0, b3 = 0] = [bytes[0], bytes[1], bytes[2]];
  return {
    ...NO_FLAGS,
    offline: bit(b1, 3),
    coverOpen: bit(b1, 5),
    cutterError: bit(b2, 3),
    otherError: bit(b2, 5) || bit(b2, 6),
    paperNearEnd: (b3 & 0x03) !== 0,
    paperOut: (b3 & 0x0c) !== 0,
  };
}

/** Custom's six-byte full status (DLE EOT 20): bytes 3 to 6 carry the news. */
export function fromCustomFullStatus(bytes: ArrayLike<number>): PrinterFlags {
  const [paper = 0, user = 0, recoverable = 0, unrecoverable = 0] = [
    bytes[2],
    bytes[3],
    bytes[4],
    bytes[5],
  ];
  return {
    ...NO_FLAGS,
    paperOut: (paper & 0x01) !== 0,
    paperNearEnd: (paper & 0x04) !== 0,
    ticketInPresenter: (paper & 0x20) !== 0,
    coverOpen: (user & 0x03) !== 0,
    otherError: (recoverable & 0x41) !== 0,
    cutterError: (unrecoverable & 0x01) !== 0,
  };
}

/** Worst first: the state that tells a technician what to fix. */
export function printerState(flags: PrinterFlags, replying: boolean): PrinterState {
  if (!replying) return 'offline';
  if (flags.coverOpen) return 'cover-open';
  if (flags.paperOut) return 'paper-out';
  if (flags.cutterError) return 'cutter-error';
  if (flags.offline || flags.otherError) return 'offline';
  if (flags.paperNearEnd) return 'paper-near-end';
  return 'ready';
}

export function printerStatus(
  flags: PrinterFlags,
  replying: boolean,
  model?: string,
): PrinterStatus {
  return {
    state: printerState(flags, replying),
    online: replying && !flags.offline,
    paperOut: flags.paperOut,
    paperNearEnd: flags.paperNearEnd,
    coverOpen: flags.coverOpen,
    cutterError: flags.cutterError,
    ...(model === undefined ? {} : { model }),
  };
}

/** Whether a job may be sent: a near-end roll still prints. */
export function canPrint(state: PrinterState): boolean {
  return state === 'ready' || state === 'paper-near-end';
}
