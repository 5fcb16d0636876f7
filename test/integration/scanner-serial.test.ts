// The scanner driver against `budayang sim scanner` over real pseudo-terminals (socat).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScannerSimulator } from '../../cli/commands/sim-scanner';
import { scannerProfiles } from '../../devices/scanner/profile';
import { createScanner, type Scan, type Scanner } from '../../devices/scanner/scanner';
import { ScannerSimulator } from '../../devices/scanner/simulator';
import { openSerial } from '../../devices/transport/serial';
import { createPtyPair, type PtyPair } from '../support/pty';

describe.sequential('scanner over a serial line', () => {
  let pty: PtyPair;
  let sim: Awaited<ReturnType<typeof runScannerSimulator>>;
  let scanner: Scanner;
  const scans: Scan[] = [];

  beforeAll(async () => {
    pty = await createPtyPair();
    sim = await runScannerSimulator({
      serial: pty.b,
      baud: '9600',
      controlPort: '0',
      profile: 'newland-gb18030',
    });
    scanner = createScanner({
      open: () => openSerial({ path: pty.a, baudRate: 9600 }),
      profile: scannerProfiles['newland-gb18030'],
      reopenIntervalMs: 50,
    });
    scanner.on('scan', (s) => scans.push(s));
    await scanner.start();
  });

  afterAll(async () => {
    await scanner.stop();
    await sim.stop().catch(() => undefined);
    await pty.close();
  });

  it('passes scans sent through the simulator control, Chinese included', async () => {
    const control = `http://127.0.0.1:${sim.controlPort}/scan`;
    await fetch(control, {
      method: 'POST',
      body: JSON.stringify({ text: 'https://example.gov.cn/q?id=123' }),
    });
    await fetch(control, {
      method: 'POST',
      body: JSON.stringify({ text: '受理编号𠮷0007', symbology: 'code128' }),
    });
    await vi.waitFor(() =>
      expect(scans).toEqual([
        { text: 'https://example.gov.cn/q?id=123', symbology: 'qr' },
        { text: '受理编号𠮷0007', symbology: 'code128' },
      ]),
    );
    const bad = await fetch(control, { method: 'POST', body: JSON.stringify({ text: '' }) });
    expect(bad.status).toBe(400);
  });

  it('reconnects after unplug and replug', async () => {
    await pty.unplug();
    await vi.waitFor(() => expect(scanner.connection().connected).toBe(false));
    await pty.replug();
    const device = await openSerial({ path: pty.b, baudRate: 9600 });
    const again = new ScannerSimulator(device, scannerProfiles['newland-gb18030']);
    await vi.waitFor(() => expect(scanner.connection().connected).toBe(true), { timeout: 5000 });
    scans.length = 0;
    again.scan('after-replug');
    await vi.waitFor(() => expect(scans).toEqual([{ text: 'after-replug', symbology: 'qr' }]));
    await device.close();
  });
});
