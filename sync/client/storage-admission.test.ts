import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitApplication, isQuotaError } from './storage-admission';

const MB = 1024 * 1024;

describe('admitApplication', () => {
  it('refuses before the quota is reached, keeping a reserve', () => {
    expect(admitApplication({ usage: 100 * MB, quota: 1000 * MB }, 1 * MB).ok).toBe(true);
    expect(admitApplication({ usage: 799 * MB, quota: 1000 * MB }, 2 * MB)).toMatchObject({
      ok: false,
      reason: 'storage-full',
    });
    // A small quota: the reserve wins over the share.
    expect(admitApplication({ usage: 30 * MB, quota: 100 * MB }, 7 * MB).ok).toBe(false);
  });

  it('never admits an application that would cross the limit', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000 * MB),
        fc.integer({ min: 1, max: 10_000 * MB }),
        fc.nat(50 * MB),
        (usage, quota, incoming) => {
          const admission = admitApplication({ usage, quota }, incoming);
          if (admission.ok) expect(usage + incoming).toBeLessThanOrEqual(quota * 0.8);
        },
      ),
    );
  });

  it('lets the write decide when the browser gives no estimate', () => {
    expect(admitApplication({}, 10).ok).toBe(true);
  });

  it('recognises quota errors, also wrapped by Dexie', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    const wrapped = Object.assign(new Error('AbortError'), {
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
