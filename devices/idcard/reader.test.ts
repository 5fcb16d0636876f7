import { afterEach, describe, expect, it } from 'vitest';
import type { Identity } from '../bridge/contract';
import { memoryTransportPair } from '../transport/memory';
import type { ByteTransport } from '../transport/transport';
import {
  createIdCardReader,
  type IdCardReader,
  type IdCardReaderOptions,
  type ReaderEvents,
} from './reader';
import { IdCardSimulator } from './simulator';
import { deviceText } from '../driver/device-message';

const FAST = {
  pollIntervalMs: 10,
  commandTimeoutMs: 80,
  readTimeoutMs: 200,
  reopenIntervalMs: 10,
} as const;

let reader: IdCardReader | undefined;
afterEach(async () => {
  await reader?.stop();
  reader = undefined;
});

function setup(options: Partial<IdCardReaderOptions> = {}) {
  const sim = new IdCardSimulator(memoryTransportPair()[1], {
    paceWire: false,
    processing: 'none',
  });
  let opens = 0;
  const open = async (): Promise<ByteTransport> => {
    opens++;
    const [host, device] = memoryTransportPair();
    sim.attach(device);
    return host;
  };
  reader = createIdCardReader({ open, ...FAST, ...options });
  const log: string[] = [];
  reader.on('card-present', (identity) => log.push(`present ${identity.idNumber}`));
  reader.on('card-removed', () => log.push('removed'));
  reader.on('error', (error) => log.push(`error ${error.code}`));
  return { sim, reader, log, opens: () => opens };
}

function next<E extends keyof ReaderEvents>(
  r: IdCardReader,
  event: E,
  where: (p: ReaderEvents[E]) => boolean = () => true,
) {
  return new Promise<ReaderEvents[E]>((resolve) => {
    const off = r.on(event, (payload) => {
      if (!where(payload)) return;
      off();
      resolve(payload);
    });
  });
}

describe('ID card reader driver', () => {
  it('reports a card placed and removed', async () => {
    const { sim, reader, log } = setup({ querySamId: true });
    reader.start();
    await next(reader, 'state', (s) => s.state === 'idle' && s.samId !== undefined);
    const present = next(reader, 'card-present');
    sim.placeCard();
    const identity: Identity = await present;
    expect(identity).toMatchObject({
      name: '张三',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      birthDate: '1949-12-31',
      validTo: '长期',
    });
    expect(Buffer.from(identity.photoWlt!, 'base64')).toHaveLength(1024);
    expect(reader.status()).toMatchObject({ state: 'card-present', device: 'simulator' });
    const removed = next(reader, 'card-removed');
    sim.removeCard();
    await removed;
    expect(reader.status().state).toBe('idle');
    expect(log).toEqual(['present 11010519491231002X', 'removed']);
  });

  it('reads once on demand, and says NO_CARD when none comes', async () => {
    const { sim, reader } = setup();
    await expect(reader.readOnce({ timeoutMs: 100 })).rejects.toMatchObject({
      code: 'DEVICE_UNAVAILABLE',
    });
    reader.start();
    await expect(reader.readOnce({ timeoutMs: 150 })).rejects.toMatchObject({ code: 'NO_CARD' });
    const pending = reader.readOnce({ timeoutMs: 5000 });
    sim.placeCard({ name: '李四' });
    await expect(pending).resolves.toMatchObject({ name: '李四' });
    // A card already on the reader is read afresh.
    await expect(reader.readOnce({ timeoutMs: 5000 })).resolves.toMatchObject({ name: '李四' });
  });

  it('retries a read that fails with 81 and 41', async () => {
    const { sim, reader, log } = setup();
    sim.setFault('flaky-read');
    reader.start();
    const present = next(reader, 'card-present');
    sim.placeCard();
    await present;
    expect(log).toEqual(['present 11010519491231002X']);
  });

  it.each(['bad-checksum', 'stray-bytes', 'slow'] as const)(
    'reads through the %s fault',
    async (fault) => {
      const { sim, reader } = setup(
        fault === 'slow' ? { commandTimeoutMs: 500, readTimeoutMs: 3000 } : {},
      );
      sim.setFault(fault);
      reader.start();
      const present = next(reader, 'card-present');
      sim.placeCard();
      await expect(present).resolves.toMatchObject({ name: '张三' });
    },
  );

  it('notices a reader that stops answering, reopens its port and recovers', async () => {
    const { sim, reader, opens } = setup({ unresponsiveAfter: 2 });
    reader.start();
    await next(reader, 'state', (s) => s.state === 'idle');
    sim.setFault('silent');
    const error = await next(reader, 'error');
    expect(error).toMatchObject({ code: 'DEVICE_UNAVAILABLE' });
    expect(error.message.key).toBe('device.idcard.silent');
    expect(deviceText('zh-CN', error.message)).toContain('无应答');
    await expect(reader.readOnce({ timeoutMs: 100 })).rejects.toMatchObject({
      code: expect.stringMatching(/TIMEOUT|DEVICE_UNAVAILABLE/),
    });
    const opensBefore = opens();
    sim.setFault(null);
    sim.placeCard();
    await next(reader, 'card-present');
    expect(opens()).toBeGreaterThan(opensBefore - 1);
    expect(opens()).toBeGreaterThan(1);
  });

  it('reports an unplug, forgets the card, and reopens the port', async () => {
    const { sim, reader, log } = setup();
    let current: ByteTransport | undefined;
    let fail = false;
    const base = memoryTransportPair;
    await reader.stop();
    const r = createIdCardReader({
      ...FAST,
      open: async () => {
        if (fail) throw new Error('ENOENT: no such file');
        const [host, device] = base();
        sim.attach(device);
        current = host;
        return host;
      },
    });
    const states: string[] = [];
    r.on('state', (s) => states.push(s.state));
    r.on('card-removed', () => log.push('removed'));
    r.start();
    sim.placeCard();
    await next(r, 'card-present');
    fail = true;
    const removed = next(r, 'card-removed');
    await current!.close();
    await removed;
    await next(
      r,
      'state',
      (s) => s.state === 'disconnected' && s.lastError === 'ENOENT: no such file',
    );
    fail = false;
    await next(r, 'card-present');
    expect(states).toContain('disconnected');
    expect(r.status().state).toBe('card-present');
    await r.stop();
  });

  it('reports a card whose data cannot be read once, as DEVICE_ERROR', async () => {
    const { sim, reader, log } = setup();
    reader.start();
    const error = next(reader, 'error');
    sim.placeCard({ idNumber: '123' });
    // Break the type flag: the card answers, but its text block is of no known layout.
    const card = (sim as unknown as { card: { baseInfo: Uint8Array } }).card;
    card.baseInfo[4 + 248] = 0x5a;
    await expect(error).resolves.toMatchObject({ code: 'DEVICE_ERROR' });
    await expect(reader.readOnce({ timeoutMs: 200 })).rejects.toMatchObject({
      code: 'DEVICE_ERROR',
    });
    expect(log.filter((l) => l.startsWith('error'))).toHaveLength(1);
  });
});
