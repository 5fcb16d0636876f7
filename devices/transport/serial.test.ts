import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair, type PtyPair } from '../../test/support/pty';
import { openSerial } from './serial';

describe.sequential('serial transport over a pty pair', () => {
  let pty: PtyPair;
  beforeAll(async () => {
    pty = await createPtyPair();
  });
  afterAll(async () => {
    await pty.close();
  });

  it('carries bytes both ways and closes cleanly', async () => {
    const a = await openSerial({ path: pty.a, baudRate: 115200 });
    const b = await openSerial({ path: pty.b, baudRate: 115200 });
    const received: number[] = [];
    const got = new Promise<void>((resolve) =>
      b.onData((chunk) => {
        received.push(...chunk);
        if (received.length >= 1000) resolve();
      }),
    );
    const sent = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    await a.write(sent);
    await got;
    expect(Uint8Array.from(received)).toEqual(sent);
    expect(a.description).toBe(pty.a);
    const closed = new Promise<Error | undefined>((resolve) => a.onClose(resolve));
    await a.close();
    await expect(closed).resolves.toBeUndefined();
    await expect(a.write(Uint8Array.of(1))).rejects.toThrow('closed');
    await b.close();
  });

  it('reports an unplug through onClose, and opens again after a replug', async () => {
    const a = await openSerial({ path: pty.a, baudRate: 115200 });
    const closed = new Promise<Error | undefined>((resolve) => a.onClose(resolve));
    await pty.unplug();
    await expect(closed).resolves.toBeInstanceOf(Error);
    await expect(openSerial({ path: pty.a, baudRate: 115200 })).rejects.toThrow(pty.a);
    await pty.replug();
    const again = await openSerial({ path: pty.a, baudRate: 115200 });
    await again.close();
  });
});
