import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLpFile, type LpFileHandle } from './lp-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A printer file: answers are queued for reads; writes fail with the given codes first. */
function fakeLp(answers: Uint8Array[], writeErrors: string[] = []) {
  const written: number[] = [];
  let gone = false;
  const handle: LpFileHandle = {
    async read(buffer) {
      if (gone) throw errno('ENODEV');
      const next = answers.shift();
      if (!next) throw errno('EAGAIN');
      buffer.set(next);
      return { bytesRead: next.length };
    },
    async write(buffer, offset, length) {
      const code = writeErrors.shift();
      if (code) throw errno(code);
      const n = Math.min(length, 3); // a short write, as a busy printer does
      written.push(...buffer.subarray(offset, offset + n));
      return { bytesWritten: n };
    },
    async close() {},
  };
  return { handle, written, unplug: () => (gone = true) };
}

describe('openLpFile', () => {
  it('writes to the device file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-'));
    dirs.push(dir);
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const lp = await openLpFile({ path });
    await lp.write(Uint8Array.of(0x1b, 0x40, 0x41));
    await lp.close();
    expect([...readFileSync(path)]).toEqual([0x1b, 0x40, 0x41]);
  });

  it('delivers what the printer answers, retries busy writes, finishes short writes', async () => {
    const fake = fakeLp([Uint8Array.of(0x12), Uint8Array.of(0x16)], ['EAGAIN', 'EAGAIN']);
    const lp = await openLpFile({
      path: '/dev/usb/lp0',
      openFile: async () => fake.handle,
      readIntervalMs: 2,
    });
    const got: number[] = [];
    lp.onData((c) => got.push(...c));
    await lp.write(Uint8Array.of(1, 2, 3, 4, 5, 6, 7));
    expect(fake.written).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await expect.poll(() => got).toEqual([0x12, 0x16]);
    await lp.close();
  });

  it('ends with the error when the printer is unplugged', async () => {
    const fake = fakeLp([]);
    const lp = await openLpFile({
      path: '/dev/usb/lp0',
      openFile: async () => fake.handle,
      readIntervalMs: 2,
    });
    const closed = new Promise<Error | undefined>((resolve) => lp.onClose(resolve));
    fake.unplug();
    expect((await closed)?.message).toBe('/dev/usb/lp0: ENODEV');
    await expect(lp.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  it('says which file could not be opened', async () => {
    await expect(openLpFile({ path: '/nonexistent/lp9' })).rejects.toThrow(
      /^\/nonexistent\/lp9: ENOENT/,
    );
  });
});
