import { describe, expect, it } from 'vitest';
import { errorSummary } from './error-summary';

describe('errorSummary', () => {
  it('names an Error by its name and message, anything else by the fallback', () => {
    expect(errorSummary(new TypeError('fetch failed'), 'x')).toBe('TypeError: fetch failed');
    expect(errorSummary(new DOMException('full', 'QuotaExceededError'), 'x')).toBe(
      'QuotaExceededError: full',
    );
    expect(errorSummary('a string', 'storage error')).toBe('storage error');
  });
});
