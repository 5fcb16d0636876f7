import { describe, expect, it } from 'vitest';
import { UploadLimiter } from './upload-limiter';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UploadLimiter', () => {
  it('holds an upload back while the count or the bytes would exceed their bounds', async () => {
    const limiter = new UploadLimiter(2, 100);
    const admitted: string[] = [];
    await limiter.acquire(60);
    admitted.push('a');
    void limiter.acquire(60).then(() => admitted.push('b'));
    await settled();
    expect(admitted).toEqual(['a']);
    limiter.release(60);
    await settled();
    expect(admitted).toEqual(['a', 'b']);
    await limiter.acquire(10);
    void limiter.acquire(10).then(() => admitted.push('d'));
    await settled();
    expect(admitted).toEqual(['a', 'b']);
  });

  it('always lets one upload run, however large', async () => {
    const limiter = new UploadLimiter(1, 10);
    await expect(limiter.acquire(1_000)).resolves.toBeUndefined();
  });
});
