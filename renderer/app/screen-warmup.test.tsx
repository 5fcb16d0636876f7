import { describe, expect, it } from 'vitest';
import { demoServices } from '../dev/demo-catalog';
import { warmupJourneys } from './screen-warmup';

describe('warmupJourneys', () => {
  const service = demoServices.find((s) => s.kioskCapable && s.form.length > 0)!;
  const journeys = warmupJourneys(service, '2026-01-01T00:00:00.000Z');

  it('shows every screen after the attract screen once, the camera’s excepted', () => {
    expect(journeys.map((j) => j.screen)).toEqual([
      'catalog',
      'guide',
      'identify',
      'form',
      'review',
      'submitted',
      'rating',
      'goodbye',
      'progress',
    ]);
  });

  it('carries a made-up identity that no check would accept', () => {
    const form = journeys.find((j) => j.screen === 'form')!;
    expect(form.service?.code).toBe(service.code);
    expect(form.identity?.idNumberValid).toBe(false);
    expect(form.identity?.idNumber).toMatch(/^0+1970/);
  });
});
