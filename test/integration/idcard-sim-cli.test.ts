// `budayang sim idcard` on a pty, driven over its HTTP control, read by the driver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdcardSimulator } from '../../cli/commands/sim-idcard';
import { createIdCardReader } from '../../devices/idcard/reader';
import { openSerial } from '../../devices/transport/serial';
import { createPtyPair, type PtyPair } from '../support/pty';

describe.sequential('standalone ID card simulator', () => {
  let pty: PtyPair;
  let sim: Awaited<ReturnType<typeof runIdcardSimulator>>;
  beforeAll(async () => {
    pty = await createPtyPair();
    sim = await runIdcardSimulator({ serial: pty.b, baud: '115200', controlPort: '0', fast: true });
  });
  afterAll(async () => {
    await sim.stop();
    await pty.close();
  });

  it('places a card sent as JSON, and refuses a bad fault', async () => {
    const base = `http://127.0.0.1:${sim.controlPort}`;
    const reader = createIdCardReader({
      open: () => openSerial({ path: pty.a, baudRate: 115200 }),
      pollIntervalMs: 30,
    });
    reader.start();
    const placed = await fetch(`${base}/card`, {
      method: 'POST',
      body: JSON.stringify({ name: '王五', cardType: 'resident' }),
    });
    expect(placed.status).toBe(200);
    await expect(reader.readOnce({ timeoutMs: 5000 })).resolves.toMatchObject({ name: '王五' });
    const bad = await fetch(`${base}/fault`, {
      method: 'POST',
      body: JSON.stringify({ fault: 'fire' }),
    });
    expect(bad.status).toBe(400);
    const badCard = await fetch(`${base}/card`, {
      method: 'POST',
      body: JSON.stringify({ sex: 'x' }),
    });
    expect(badCard.status).toBe(400);
    expect(await (await fetch(`${base}/card`, { method: 'DELETE' })).json()).toMatchObject({
      card: false,
    });
    await reader.stop();
  });
});
