// The SAM commands the reader understands (CMD, PARA).
import type { Request } from './sam-frame';
import { byteHex } from '../../domain/hex';

const command = (cmd: number, para: number): Request => ({ cmd, para, data: new Uint8Array(0) });

export const Commands = {
  resetSam: command(0x10, 0xff),
  samStatus: command(0x11, 0xff),
  readSamId: command(0x12, 0xff),
  findCard: command(0x20, 0x01),
  selectCard: command(0x20, 0x02),
  readBaseInfo: command(0x30, 0x01),
  readWithFingerprint: command(0x30, 0x10),
  readNewestAddress: command(0x30, 0x03),
} as const;

export type CommandName = keyof typeof Commands;

/** Baud rates of `60 0n`, indexed by n. */
export const BAUD_RATES = [115200, 57600, 38400, 19200, 9600] as const;

export function setBaudCommand(baudRate: (typeof BAUD_RATES)[number]): Request {
  return command(0x60, BAUD_RATES.indexOf(baudRate));
}

export function commandName(request: Pick<Request, 'cmd' | 'para'>): string {
  for (const [name, c] of Object.entries(Commands)) {
    if (c.cmd === request.cmd && c.para === request.para) return name;
  }
  if (request.cmd === 0x60) return 'setBaud';
  return `command ${byteHex(request.cmd)} ${byteHex(request.para)}`;
}
