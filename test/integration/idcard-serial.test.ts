// The reader driver against the simulator over real pseudo-terminals (socat), with every
// fault the simulator injects and an unplug. Runs serially: one pty pair at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createIdCardReader,
  type IdCardReader,
  type ReaderEvents,
} from '../../devices/idcard/reader';
import { IdCardSimulator, SIM_FAULTS } from '../../devices/idcard/simulator';
import { openSerial } from '../../devices/transport/serial';
import type { ByteTransport } from '../../devices/transport/transport';
import { createPtyPair, type PtyPair } from '../support/pty';

const BAUD = 115200;

let pty: PtyPair;
let simEnd: ByteTransport;
let sim: IdCardSimulator;
let reader: IdCardReader;

function next<E extends keyof ReaderEvents>(
  event: E,
  where: (p: ReaderEvents[E]) => boolean = () => true,
) {
  return new Promise<ReaderEvents[E]>((resolve) => {
    const off = reader.on(event, (payload) => {
      if (!where(payload)) return;
      off();
      resolve(payload);
    });
  });
}

describe.sequential('ID card reader over a serial pty', () => {
  beforeEach(async () => {
    pty = await createPtyPair();
    simEnd = await openSerial({ path: pty.b, baudRate: BAUD });
    // Wire pacing on: the simulator sends at 115200 like a real line.
    sim = new IdCardSimulator(simEnd, { baudRate: BAUD, processing: 'none' });
    reader = createIdCardReader({
      open: () => openSerial({ path: pty.a, baudRate: BAUD }),
      pollIntervalMs: 30,
      commandTimeoutMs: 150,
      readTimeoutMs: 2500,
      reopenIntervalMs: 50,
      unresponsiveAfter: 3,
    });
  });

  afterEach(async () => {
    await reader.stop();
    await simEnd.close();
    await pty.close();
  });

  it('reads a card placed on the reader and notices its removal', async () => {
    reader.start();
    const present = next('card-present');
    sim.placeCard({ cardType: 'resident' });
    await expect(present).resolves.toMatchObject({
      name: '张三',
      idNumber: '11010519491231002X',
      idNumberValid: true,
    });
    expect(reader.status()).toMatchObject({ state: 'card-present', device: pty.a });
    const removed = next('card-removed');
    sim.removeCard();
    await removed;
  });

  it.each(SIM_FAULTS.filter((f) => f !== 'silent'))('reads through the %s fault', async (fault) => {
    sim.setFault(fault);
    reader.start();
    const present = next('card-present');
    sim.placeCard();
    await expect(present).resolves.toMatchObject({ name: '张三' });
  });

  it('reports a silent reader, reopens the port, and reads once it answers again', async () => {
    reader.start();
    await next('state', (s) => s.state === 'idle');
    const error = next('error');
    sim.setFault('silent');
    await expect(error).resolves.toMatchObject({ code: 'DEVICE_UNAVAILABLE' });
    await next('state', (s) => s.state === 'idle');
    sim.setFault(null);
    const present = next('card-present');
    sim.placeCard();
    await present;
  });

  it('survives an unplug: the pty disappears and returns on the same path', async () => {
    reader.start();
    sim.placeCard();
    await next('card-present');
    const removed = next('card-removed');
    const disconnected = next('state', (s) => s.state === 'disconnected');
    await pty.unplug();
    await removed;
    await disconnected;
    const present = next('card-present');
    await pty.replug();
    simEnd = await openSerial({ path: pty.b, baudRate: BAUD });
    sim.attach(simEnd);
    await present;
    expect(reader.status().state).toBe('card-present');
  });
});
