// Technician and test commands for the ID card reader:
//   budayang idcard read --serial PATH [--baud N] [--once] [--reveal]
//   budayang idcard decode HEX [--reveal]
import type { Command } from 'commander';
import type { Identity } from '../../devices/bridge/contract';
import { parseBaseInfo } from '../../devices/idcard/base-info';
import { byteHex, fromHex } from '../../domain/hex';
import { deviceText } from '../../devices/driver/device-message';
import { identityFromBaseInfo } from '../../devices/idcard/identity';
import { maskIdNumber, maskName } from '../../domain/mask';
import { createIdCardReader } from '../../devices/idcard/reader';
import { decodeSingleFrame, parseReply } from '../../devices/idcard/sam-frame';
import { samStatus } from '../../devices/idcard/sam-status';
import { openSerial } from '../../devices/transport/serial';

/** What a technician may see: name and numbers masked, photo as its size only. */
export function presentIdentity(identity: Identity, reveal: boolean): Record<string, unknown> {
  const { photoWlt, ...rest } = identity;
  const photo =
    photoWlt === undefined
      ? {}
      : { photoWlt: reveal ? photoWlt : `<${Buffer.from(photoWlt, 'base64').length} bytes>` };
  if (reveal) return { ...rest, ...photo };
  return {
    ...rest,
    name: maskName(rest.name),
    ...(rest.nameEn === undefined ? {} : { nameEn: maskName(rest.nameEn) }),
    idNumber: maskIdNumber(rest.idNumber),
    ...(rest.permitNumber === undefined ? {} : { permitNumber: maskIdNumber(rest.permitNumber) }),
    ...photo,
  };
}

export type DecodeOutcome =
  { ok: true; json: Record<string, unknown> } | { ok: false; message: string };

/** One reply frame in hex → what it says. */
export function decodeReplyHex(hex: string, reveal = false): DecodeOutcome {
  let bytes: Uint8Array;
  try {
    bytes = fromHex(hex);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const frame = decodeSingleFrame(bytes);
  if (!frame.ok) return { ok: false, message: `not a SAM frame: ${frame.message}` };
  const reply = parseReply(frame.body);
  if (!reply) return { ok: false, message: 'not a reply: fewer than three status bytes' };
  const status = samStatus(reply.sw3);
  const json: Record<string, unknown> = {
    sw1: reply.sw1,
    sw2: reply.sw2,
    sw3: byteHex(reply.sw3),
    status: status.name,
    message: deviceText('en', status.message),
    messageZh: deviceText('zh-CN', status.message),
    dataLength: reply.data.length,
  };
  // A data part that parses as base info (with or without fingerprints) is shown decoded.
  for (const withFingerprint of [false, true]) {
    const info = parseBaseInfo(reply.data, withFingerprint);
    if (!info.ok || info.info.text.length !== 256) continue;
    const identity = identityFromBaseInfo(info.info);
    if (identity.ok) json.identity = presentIdentity(identity.identity, reveal);
    else json.textBlockError = identity.message;
    break;
  }
  return { ok: true, json };
}

interface ReadOptions {
  serial: string;
  baud: string;
  once?: boolean;
  reveal?: boolean;
  timeout: string;
}

async function readAction(options: ReadOptions): Promise<void> {
  const baudRate = Number(options.baud);
  const reader = createIdCardReader({
    open: () => openSerial({ path: options.serial, baudRate }),
    querySamId: true,
  });
  reader.on('error', (error) =>
    process.stderr.write(`${error.code}: ${deviceText('en', error.message)}\n`),
  );
  reader.start();
  if (options.once) {
    try {
      const identity = await reader.readOnce({ timeoutMs: Number(options.timeout) });
      process.stdout.write(
        `${JSON.stringify(presentIdentity(identity, options.reveal ?? false), null, 2)}\n`,
      );
    } catch (error) {
      process.stderr.write(
        `${(error as { code?: string }).code ?? 'ERROR'}: ${(error as Error).message}\n`,
      );
      process.exitCode = 1;
    } finally {
      await reader.stop();
    }
    return;
  }
  reader.on('card-present', (identity) =>
    process.stdout.write(`${JSON.stringify(presentIdentity(identity, options.reveal ?? false))}\n`),
  );
  reader.on('card-removed', () =>
    process.stdout.write(`${JSON.stringify({ event: 'card-removed' })}\n`),
  );
  process.stderr.write(`reading on ${options.serial} at ${baudRate} baud; Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await reader.stop();
}

export function registerIdcardCommands(program: Command): void {
  const idcard = program
    .command('idcard')
    .description('ID card reader: read a card, decode a frame');
  idcard
    .command('read')
    .description('read cards and print each identity as JSON (name and ID number masked)')
    .requiredOption('--serial <path>', 'serial port, e.g. /dev/serial/by-id/usb-…')
    .option('--baud <n>', 'baud rate', '115200')
    .option('--once', 'read one card and exit')
    .option('--timeout <ms>', 'with --once: how long to wait for a card', '10000')
    .option('--reveal', 'print the name, ID number and photo in clear')
    .action(readAction);
  idcard
    .command('decode')
    .description('decode one reply frame given in hex, e.g. "AA AA AA 96 69 00 04 00 00 90 94"')
    .argument('<hex...>', 'the frame bytes in hex, spaces allowed')
    .option('--reveal', 'print the name and ID number in clear')
    .action((hex: string[], options: { reveal?: boolean }) => {
      const outcome = decodeReplyHex(hex.join(' '), options.reveal ?? false);
      if (outcome.ok) process.stdout.write(`${JSON.stringify(outcome.json, null, 2)}\n`);
      else {
        process.stderr.write(`idcard decode: ${outcome.message}\n`);
        process.exitCode = 1;
      }
    });
}
