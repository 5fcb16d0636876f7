import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContentDigest, contentDigest } from './content-digest';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Content-Digest', () => {
  it('matches the RFC 9530 example for {"hello": "world"}', async () => {
    expect(await contentDigest(bytes('{"hello": "world"}\n'))).toBe(
      'sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:',
    );
  });

  it('accepts its own digest of any body and refuses any other body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 1, maxLength: 10 }),
        async (body, extra) => {
          const header = await contentDigest(body);
          expect(await checkContentDigest(header, body)).toBe('ok');
          const other = new Uint8Array([...body, ...extra]);
          expect(await checkContentDigest(header, other)).toBe('mismatch');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports missing and malformed headers without throwing', async () => {
    expect(await checkContentDigest(undefined, bytes(''))).toBe('missing');
    expect(await checkContentDigest('sha-512=:AA==:', bytes(''))).toBe('missing');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (header) => {
        expect(['missing', 'malformed', 'mismatch']).toContain(
          await checkContentDigest(header, bytes('x')),
        );
      }),
      { numRuns: 200 },
    );
  });
});
