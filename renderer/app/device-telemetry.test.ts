import { describe, expect, it } from 'vitest';
import { Heartbeat } from '../../sync/protocol/telemetry';
import { deviceReport } from './device-telemetry';

describe('deviceReport', () => {
  it('maps the bridge health of every role to what a heartbeat carries', () => {
    const since = '2026-11-22T00:00:00.000Z';
    const reports = [
      deviceReport({
        role: 'printer',
        state: 'degraded',
        model: 'epson',
        reason: 'paper-out: cannot print',
        since,
      }),
      deviceReport({
        role: 'idcard',
        state: 'disconnected',
        device: '/dev/ttyUSB0',
        reason: 'not found: unplugged or powered off',
        since,
      }),
      deviceReport({ role: 'scanner', state: 'connected', since }),
      deviceReport({ role: 'camera', state: 'unconfigured', since }),
    ];
    expect(reports.map((r) => [r.role, r.state, r.code])).toEqual([
      ['printer', 'degraded', 'paper-out'],
      ['idcard', 'fault', 'not found'],
      ['scanner', 'ok', undefined],
      ['camera', 'absent', undefined],
    ]);
    const beat = {
      at: since,
      appVersion: '0.1.0',
      uptimeSeconds: 5,
      queueDepth: { envelopes: 0, attachments: 0, ratings: 0, telemetry: 0 },
      devices: reports,
    };
    expect(Heartbeat.safeParse(beat).success).toBe(true);
  });
});
