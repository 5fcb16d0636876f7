import { describe, expect, it } from 'vitest';
import { KioskError, type KioskApi } from '../devices/bridge/contract';
import { exposedKioskApi } from './exposed-api';

describe('exposedKioskApi', () => {
  it('turns KioskErrors into plain objects that keep their code', async () => {
    const api = {
      on: () => () => {},
      connection: { state: () => 'connected', onChange: () => () => {} },
      printer: {
        status: () =>
          Promise.reject(new KioskError('PRINTER_NOT_READY', 'paper out', { state: 'paper-out' })),
      },
      system: { ping: () => Promise.resolve({ pong: true }) },
    } as unknown as KioskApi;
    const exposed = exposedKioskApi(api);
    await expect(exposed.system.ping()).resolves.toEqual({ pong: true });
    const error = await exposed.printer.status().catch((e: unknown) => e);
    expect(error).toEqual({
      name: 'KioskError',
      code: 'PRINTER_NOT_READY',
      message: 'paper out',
      details: { state: 'paper-out' },
    });
    expect(error).not.toBeInstanceOf(Error);
    // Structured-clone safe: what contextBridge needs.
    expect(structuredClone(error)).toEqual(error);
  });
});
