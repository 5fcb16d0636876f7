import { describe, expect, it } from 'vitest';
import { problem } from '../protocol/problem';
import { classifyHttpFailure, parseRetryAfter } from './http-failure';

describe('classifyHttpFailure', () => {
  it('keeps applications through overload, skew and kiosk trouble', () => {
    expect(classifyHttpFailure(503, undefined, '7', 0)).toEqual({
      kind: 'transient',
      reason: 'HTTP 503',
      retryAfterMs: 7_000,
    });
    expect(classifyHttpFailure(429, undefined, null, 0).kind).toBe('transient');
    expect(classifyHttpFailure(401, problem('signature-expired', 401), null, 0)).toEqual({
      kind: 'transient',
      reason: 'HTTP 401 signature-expired',
    });
    expect(classifyHttpFailure(403, problem('kiosk-revoked', 403), null, 0).kind).toBe('transient');
  });

  it('counts a refusal of content against the batch', () => {
    expect(classifyHttpFailure(400, problem('invalid-request', 400), null, 0)).toEqual({
      kind: 'batch-refused',
      reason: 'HTTP 400 invalid-request',
    });
    expect(classifyHttpFailure(413, 'not json', null, 0)).toEqual({
      kind: 'batch-refused',
      reason: 'HTTP 413',
    });
  });

  it('reads Retry-After as seconds or a date, capped at an hour', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(
      parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', Date.parse('2025-01-01T00:00:00Z')),
    ).toBe(10_000);
    expect(parseRetryAfter('999999', 0)).toBe(3_600_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
