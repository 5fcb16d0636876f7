// Reads an ESC/POS byte stream back into commands: the simulator's ears, and the decoder the
// tests use to check what the encoder (or another library) produced. Incremental: a command
// cut in half by a chunk boundary is reported as incomplete and read again with more bytes.

export type EscPosCommand =
  | { op: 'text'; bytes: Uint8Array }
  | { op: 'lf' }
  | { op: 'init' }
  | { op: 'chinese'; on: boolean }
  | { op: 'align'; value: 0 | 1 | 2 }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'feed'; lines: number }
  | { op: 'feed-dots'; dots: number }
  | { op: 'cut'; full: boolean }
  | { op: 'qr'; fn: number; params: Uint8Array }
  | { op: 'barcode'; symbology: number; data: Uint8Array }
  | { op: 'raster'; widthBytes: number; height: number; data: Uint8Array }
  | { op: 'status-query'; n: number }
  | { op: 'clear-buffer' }
  | { op: 'auto-status'; mask: number }
  | { op: 'transmit-status'; n: number }
  | { op: 'retract' }
  | { op: 'other'; bytes: Uint8Array };

export type ParseStep = { command: EscPosCommand; length: number } | 'incomplete';

// Commands with a fixed number of argument bytes that the kiosk does not act on.
const ESC_ARGS: Record<number, number> = {
  0x21: 1,
  0x2d: 1,
  0x32: 0,
  0x33: 1,
  0x4a: 1,
  0x4d: 1,
  0x47: 1,
  0x52: 1,
  0x74: 1,
  0x56: 1,
  0x7b: 1,
  0x20: 1,
  0x24: 2,
  0x3d: 1,
  0x63: 2,
  0x70: 3,
};
const GS_ARGS: Record<number, number> = {
  0x68: 1,
  0x77: 1,
  0x48: 1,
  0x66: 1,
  0x42: 1,
  0x4c: 2,
  0x57: 2,
  0x50: 2,
  0x49: 1,
  0x65: 1,
};
const FS_ARGS: Record<number, number> = { 0x21: 1, 0x43: 1, 0x57: 1, 0x2d: 1, 0x53: 2 };

const isControl = (b: number) => b < 0x20 || b === 0x7f;

export function parseCommand(buf: Uint8Array, at: number): ParseStep {
  const b0 = buf[at];
  if (b0 === undefined) return 'incomplete';
  const need = (n: number) => at + n <= buf.length;
  const slice = (from: number, to: number) => buf.slice(at + from, at + to);
  const ok = (command: EscPosCommand, length: number): ParseStep => ({ command, length });
  const other = (length: number): ParseStep =>
    need(length) ? ok({ op: 'other', bytes: slice(0, length) }, length) : 'incomplete';

  if (!isControl(b0)) {
    let end = at;
    while (end < buf.length && !isControl(buf[end]!)) end++;
    return ok({ op: 'text', bytes: buf.slice(at, end) }, end - at);
  }
  if (b0 === 0x0a) return ok({ op: 'lf' }, 1);
  if (b0 === 0x0d || b0 === 0x09 || b0 === 0x0c) return ok({ op: 'other', bytes: slice(0, 1) }, 1);
  if (!need(2)) return 'incomplete';
  const b1 = buf[at + 1]!;
  const b2 = buf[at + 2];

  if (b0 === 0x10) {
    if (b1 === 0x04) return b2 === undefined ? 'incomplete' : ok({ op: 'status-query', n: b2 }, 3);
    if (b1 === 0x05) {
      if (b2 === undefined) return 'incomplete';
      return ok(b2 === 2 ? { op: 'clear-buffer' } : { op: 'other', bytes: slice(0, 3) }, 3);
    }
    if (b1 === 0x14) return other(5); // DLE DC4 fn a b
    return other(1);
  }
  if (b0 === 0x1b) {
    if (b1 === 0x40) return ok({ op: 'init' }, 2);
    if (b1 === 0x61)
      return b2 === undefined ? 'incomplete' : ok({ op: 'align', value: clampAlign(b2) }, 3);
    if (b1 === 0x45)
      return b2 === undefined ? 'incomplete' : ok({ op: 'bold', on: (b2 & 1) === 1 }, 3);
    if (b1 === 0x64) return b2 === undefined ? 'incomplete' : ok({ op: 'feed', lines: b2 }, 3);
    if (b1 === 0x4a) return b2 === undefined ? 'incomplete' : ok({ op: 'feed-dots', dots: b2 }, 3);
    if (b1 === 0x69 || b1 === 0x6d) return ok({ op: 'cut', full: b1 === 0x69 }, 2);
    const args = ESC_ARGS[b1];
    return other(2 + (args ?? 0));
  }
  if (b0 === 0x1c) {
    if (b1 === 0x26) return ok({ op: 'chinese', on: true }, 2);
    if (b1 === 0x2e) return ok({ op: 'chinese', on: false }, 2);
    return other(2 + (FS_ARGS[b1] ?? 0));
  }
  if (b0 === 0x1d) return parseGs(buf, at, b1);
  return other(1);
}

function parseGs(buf: Uint8Array, at: number, b1: number): ParseStep {
  const need = (n: number) => at + n <= buf.length;
  const byte = (i: number) => buf[at + i]!;
  const ok = (command: EscPosCommand, length: number): ParseStep => ({ command, length });
  switch (b1) {
    case 0x21:
      if (!need(3)) return 'incomplete';
      return ok({ op: 'size', width: (byte(2) >> 4) + 1, height: (byte(2) & 0x0f) + 1 }, 3);
    case 0x56: {
      if (!need(3)) return 'incomplete';
      const m = byte(2);
      const full = m === 0 || m === 0x30 || m === 0x41;
      return m >= 0x41
        ? need(4)
          ? ok({ op: 'cut', full }, 4)
          : 'incomplete'
        : ok({ op: 'cut', full }, 3);
    }
    case 0x28: {
      if (!need(5)) return 'incomplete';
      const len = byte(3) | (byte(4) << 8);
      if (!need(5 + len)) return 'incomplete';
      if (byte(2) === 0x6b && len >= 2 && byte(5) === 0x31) {
        return ok({ op: 'qr', fn: byte(6), params: buf.slice(at + 7, at + 5 + len) }, 5 + len);
      }
      return ok({ op: 'other', bytes: buf.slice(at, at + 5 + len) }, 5 + len);
    }
    case 0x6b: {
      if (!need(3)) return 'incomplete';
      const m = byte(2);
      if (m <= 6) {
        const end = buf.indexOf(0, at + 3);
        if (end < 0) return 'incomplete';
        return ok({ op: 'barcode', symbology: m, data: buf.slice(at + 3, end) }, end + 1 - at);
      }
      if (!need(4)) return 'incomplete';
      const n = byte(3);
      if (!need(4 + n)) return 'incomplete';
      return ok({ op: 'barcode', symbology: m, data: buf.slice(at + 4, at + 4 + n) }, 4 + n);
    }
    case 0x76: {
      if (!need(8)) return 'incomplete';
      const widthBytes = byte(4) | (byte(5) << 8);
      const height = byte(6) | (byte(7) << 8);
      const size = 8 + widthBytes * height;
      if (!need(size)) return 'incomplete';
      return ok({ op: 'raster', widthBytes, height, data: buf.slice(at + 8, at + size) }, size);
    }
    case 0x61:
      return need(3) ? ok({ op: 'auto-status', mask: byte(2) }, 3) : 'incomplete';
    case 0x72:
      return need(3) ? ok({ op: 'transmit-status', n: byte(2) }, 3) : 'incomplete';
    case 0x52:
      // Citizen GS R 0 retracts; other vendors use GS R for other things with one argument.
      return need(3)
        ? ok(
            byte(2) === 0x30 ? { op: 'retract' } : { op: 'other', bytes: buf.slice(at, at + 3) },
            3,
          )
        : 'incomplete';
    case 0x65:
      return need(3)
        ? ok(
            byte(2) === 0x02 ? { op: 'retract' } : { op: 'other', bytes: buf.slice(at, at + 3) },
            3,
          )
        : 'incomplete';
    default: {
      const n = 2 + (GS_ARGS[b1] ?? 0);
      return need(n) ? ok({ op: 'other', bytes: buf.slice(at, at + n) }, n) : 'incomplete';
    }
  }
}

function clampAlign(n: number): 0 | 1 | 2 {
  const v = n >= 0x30 ? n - 0x30 : n;
  return v === 1 ? 1 : v === 2 ? 2 : 0;
}

/** All complete commands of a buffer, and how many bytes they used. */
export function parseAll(buf: Uint8Array): { commands: EscPosCommand[]; consumed: number } {
  const commands: EscPosCommand[] = [];
  let at = 0;
  for (;;) {
    const step = parseCommand(buf, at);
    if (step === 'incomplete') break;
    commands.push(step.command);
    at += step.length;
  }
  return { commands, consumed: at };
}
