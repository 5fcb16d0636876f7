import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorControl, type SimulatorSet } from './simulator-control';

function fakes() {
  const calls: unknown[][] = [];
  const idcard = {
    card: false,
    placeCard(card: unknown) {
      calls.push(['placeCard', card]);
      this.card = true;
    },
    removeCard() {
      this.card = false;
    },
    setFault(fault: string | null) {
      calls.push(['setFault', fault]);
    },
    get state() {
      return { card: this.card };
    },
  };
  const printer = {
    paper: 'ok',
    setPaper(state: 'ok' | 'near-end' | 'out') {
      this.paper = state;
    },
    setCover: (open: boolean) => void calls.push(['setCover', open]),
    received: () => [{ text: 'ticket' }],
    clear: () => void calls.push(['clear']),
    previewPng: (width: 58 | 80, index?: number) => {
      calls.push(['previewPng', width, index]);
      return Buffer.from('\x89PNG');
    },
    state() {
      return { paper: this.paper };
    },
  };
  const scanner = {
    scan: (text: string, symbology?: string) => calls.push(['scan', text, symbology]),
  };
  return { calls, idcard, printer, scanner };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(simulators: SimulatorSet, standalone?: keyof SimulatorSet) {
  const control = await startSimulatorControl({
    port: 0,
    simulators,
    ...(standalone ? { standalone } : {}),
  });
  closers.push(control.close);
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${control.port}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      type,
      body: type === 'application/json' ? await response.json() : await response.arrayBuffer(),
    };
  };
}

describe('simulator control', () => {
  it("serves the device host's routes under each device's name", async () => {
    const { calls, idcard, printer, scanner } = fakes();
    const call = await serve({ idcard, printer, scanner });
    expect((await call('GET', '/')).body).toEqual({ devices: ['idcard', 'printer', 'scanner'] });
    expect(await call('POST', '/idcard/card', { name: '张三' })).toMatchObject({
      status: 200,
      body: { ok: true, card: true },
    });
    expect((await call('DELETE', '/idcard/card')).body).toEqual({ ok: true, card: false });
    expect((await call('POST', '/idcard/fault', { fault: 'slow' })).status).toBe(200);
    expect((await call('POST', '/idcard/fault', { fault: null })).status).toBe(200);
    expect((await call('POST', '/printer/paper', { state: 'out' })).body).toEqual({
      ok: true,
      paper: 'out',
    });
    expect((await call('GET', '/printer/state')).body).toEqual({ paper: 'out' });
    expect((await call('POST', '/printer/cover', { open: true })).status).toBe(200);
    expect((await call('GET', '/printer/output')).body).toEqual([{ text: 'ticket' }]);
    expect((await call('DELETE', '/printer/output')).body).toEqual({ ok: true });
    expect((await call('GET', '/printer/preview.png?width=58&index=0')).type).toBe('image/png');
    expect((await call('POST', '/scanner/scan', { text: 'abc' })).status).toBe(200);
    expect((await call('POST', '/scanner/scan', { text: 'x', symbology: 'code128' })).status).toBe(
      200,
    );
    expect(calls).toEqual([
      ['placeCard', { name: '张三' }],
      ['setFault', 'slow'],
      ['setFault', null],
      ['setCover', true],
      ['clear'],
      ['previewPng', 58, 0],
      ['scan', 'abc', undefined],
      ['scan', 'x', 'code128'],
    ]);
  });

  it('refuses what a simulator cannot take, and says why', async () => {
    const { idcard, printer } = fakes();
    const call = await serve({ idcard, printer });
    expect(await call('POST', '/idcard/fault', { fault: 'fire' })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('bad-checksum') },
    });
    expect((await call('POST', '/printer/paper', { state: 'wet' })).status).toBe(400);
    expect((await call('POST', '/printer/cover', {})).status).toBe(400);
    expect(await call('POST', '/scanner/scan', { text: 'abc' })).toMatchObject({
      status: 400,
      body: { error: 'no simulated scanner in this kiosk' },
    });
    expect((await call('POST', '/idcard/card', '{')).status).toBe(400);
    expect((await call('GET', '/paper')).status).toBe(404);
    expect((await call('GET', '/idcard')).status).toBe(404);
    expect((await call('GET', '/toString/x')).status).toBe(404);
  });

  it("serves a standalone simulator's routes with and without its name", async () => {
    const { calls, scanner, printer } = fakes();
    const scan = await serve({ scanner }, 'scanner');
    expect((await scan('POST', '/scan', { text: 'a' })).status).toBe(200);
    expect((await scan('POST', '/scanner/scan', { text: 'b' })).status).toBe(200);
    expect((await scan('POST', '/scan', { text: '' })).status).toBe(400);
    expect((await scan('POST', '/paper', { state: 'ok' })).status).toBe(404);
    expect(calls).toEqual([
      ['scan', 'a', undefined],
      ['scan', 'b', undefined],
    ]);
    const print = await serve({ printer }, 'printer');
    expect((await print('POST', '/paper', { state: 'near-end' })).body).toEqual({
      ok: true,
      paper: 'near-end',
    });
    expect((await print('GET', '/state')).body).toEqual({ paper: 'near-end' });
    expect((await print('GET', '/output')).body).toEqual([{ text: 'ticket' }]);
  });
});
