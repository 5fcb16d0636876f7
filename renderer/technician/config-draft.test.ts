import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigPatch, type KioskConfig } from '../../devices/bridge/contract';
import {
  draftFrom,
  draftPatch,
  draftProblems,
  idleTimeoutRange,
  stepIdleTimeout,
} from './config-draft';

const config: KioskConfig = {
  mode: 'web',
  demo: true,
  roomName: '朝阳区政务服务中心',
  platformUrl: 'http://127.0.0.1:8787',
  locale: 'zh-CN',
  hotline: '12345',
  idleTimeoutSeconds: 120,
};

describe('config draft', () => {
  it('sends only what changed, trimmed', () => {
    const draft = { ...draftFrom(config), roomName: ' 东城区服务厅 ', idleTimeoutSeconds: 90 };
    expect(draftPatch(config, draft)).toEqual({ roomName: '东城区服务厅', idleTimeoutSeconds: 90 });
    expect(draftPatch(config, draftFrom(config))).toEqual({});
  });

  it('finds problems at the field', () => {
    expect(draftProblems(draftFrom(config))).toEqual({});
    const problems = draftProblems({
      roomName: '  ',
      hotline: '12a',
      idleTimeoutSeconds: 10,
      locale: 'en',
    });
    expect(Object.keys(problems).sort()).toEqual(['hotline', 'idleTimeoutSeconds', 'roomName']);
    expect(draftProblems({ ...draftFrom(config), roomName: '厅'.repeat(41) }).roomName?.key).toBe(
      'config.problem.roomNameLong',
    );
    expect(draftProblems({ ...draftFrom(config), hotline: '010-12345678' })).toEqual({});
  });

  it('steps the timeout on a 15 s grid inside its range', () => {
    expect(stepIdleTimeout(120, 1)).toBe(135);
    expect(stepIdleTimeout(100, 1)).toBe(105);
    expect(stepIdleTimeout(100, -1)).toBe(90);
    expect(stepIdleTimeout(30, -1)).toBe(30);
    expect(stepIdleTimeout(600, 1)).toBe(600);
  });

  it('a draft without problems always makes a patch the host accepts', () => {
    const draft = fc.record({
      roomName: fc.string({ maxLength: 45 }),
      hotline: fc.stringMatching(/^[\d-]{0,22}$/),
      idleTimeoutSeconds: fc.integer({ min: 0, max: 900 }),
      locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    });
    fc.assert(
      fc.property(draft, (d) => {
        if (Object.keys(draftProblems(d)).length > 0) return;
        expect(ConfigPatch.safeParse(draftPatch(config, d)).success).toBe(true);
        const t = d.idleTimeoutSeconds;
        expect(stepIdleTimeout(t, 1)).toBeLessThanOrEqual(idleTimeoutRange.max);
        expect(stepIdleTimeout(t, -1)).toBeGreaterThanOrEqual(idleTimeoutRange.min);
      }),
    );
  });
});
