import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ApplicationStatus,
  checkTransition,
  isTerminalStatus,
  nextStatuses,
} from './application-status';

describe('application status machine', () => {
  it('walks the happy path 已提交 → 已受理 → 办理中 → 已办结', () => {
    expect(checkTransition('submitted', 'accepted')).toEqual({ ok: true });
    expect(checkTransition('accepted', 'processing')).toEqual({ ok: true });
    expect(checkTransition('processing', 'completed')).toEqual({ ok: true });
    expect(isTerminalStatus('completed')).toBe(true);
  });

  it('wants a reason for 不予受理 and 需补正', () => {
    expect(checkTransition('submitted', 'refused')).toEqual({
      ok: false,
      reason: 'reason-required',
    });
    expect(checkTransition('submitted', 'refused', '  ')).toEqual({
      ok: false,
      reason: 'reason-required',
    });
    expect(checkTransition('submitted', 'correction-required', '缺少租赁合同')).toEqual({
      ok: true,
    });
  });

  it('never leaves a terminal state and never skips a step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ApplicationStatus.options),
        fc.constantFrom(...ApplicationStatus.options),
        (from, to) => {
          const result = checkTransition(from, to, 'reason');
          expect(result.ok).toBe(nextStatuses(from).includes(to));
        },
      ),
    );
    expect(checkTransition('submitted', 'completed')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(checkTransition('refused', 'accepted')).toEqual({ ok: false, reason: 'terminal' });
  });
});
