import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBatchForm } from '../protocol/batch-form';
import { MAX_INLINE_ATTACHMENT_BYTES } from '../protocol/intake';
import { BatchForm, parseBatchForm } from './batch-form-parser';
import { ProblemError } from './problem-error';

const parse = (form: { body: Uint8Array; contentType: string }) =>
  parseBatchForm(Buffer.from(form.body), form.contentType);

// Bytes that look like the form's own syntax, so that the parser's boundary search is tried.
const tricky = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .array(fc.constantFrom('\r\n', '--', 'budayang-', '--budayang-00', 'Content-Type: x\r\n\r\n'), {
      maxLength: 12,
    })
    .map((bits) => new TextEncoder().encode(bits.join(''))),
);

describe('the batch as a multipart form', () => {
  it('reads back what the kiosk encodes: the batch JSON and each attachment byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        fc.uniqueArray(fc.record({ id: fc.uuid(), data: tricky }), {
          selector: (a) => a.id,
          maxLength: 6,
        }),
        async (envelopes, attachments) => {
          const form = await parse(encodeBatchForm({ envelopes }, attachments));
          expect(form).toBeInstanceOf(BatchForm);
          expect(form.batch).toEqual(JSON.parse(JSON.stringify({ envelopes })));
          expect(form.attachments.map((a) => ({ id: a.id, data: new Uint8Array(a.data) }))).toEqual(
            attachments.map((a) => ({ id: a.id, data: new Uint8Array(a.data) })),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers anything else with a 400 problem, never another error', async () => {
    const good = encodeBatchForm({ envelopes: [{ id: 'x' }] }, [
      { id: crypto.randomUUID(), data: new Uint8Array([1, 2, 3]) },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 500 }),
          // A good body cut, or with some of its bytes changed.
          fc.nat(good.body.byteLength - 1).map((n) => good.body.subarray(0, n)),
          fc
            .array(fc.tuple(fc.nat(good.body.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 4,
            })
            .map((changes) => {
              const body = good.body.slice();
              for (const [at, byte] of changes) body[at] = byte;
              return body;
            }),
        ),
        fc.constantFrom(good.contentType, 'multipart/form-data', `multipart/form-data; boundary=x`),
        async (body, contentType) => {
          try {
            await parseBatchForm(Buffer.from(body), contentType);
          } catch (error) {
            expect(error).toBeInstanceOf(ProblemError);
            expect((error as ProblemError).problem.status).toBe(400);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a second field, an unknown part, a missing batch and an oversized attachment', async () => {
    const text = (form: { body: Uint8Array }) => new TextDecoder().decode(form.body);
    const withText = (form: { body: Uint8Array; contentType: string }, body: string) => ({
      ...form,
      body: new TextEncoder().encode(body),
    });
    const form = encodeBatchForm({ envelopes: [] }, [
      { id: crypto.randomUUID(), data: new Uint8Array(4) },
    ]);
    await expect(
      parse(withText(form, text(form).replace('name="batch"', 'name="note"'))),
    ).rejects.toThrow(/unexpected part "note"/);
    await expect(
      parse(withText(form, text(form).replace('name="attachment"', 'name="photo"'))),
    ).rejects.toThrow(/unexpected file part "photo"/);
    const twoFields = text(form).replace(
      /(--budayang-[0-9a-f]+)\r\n/,
      '$1\r\nContent-Disposition: form-data; name="batch"\r\n\r\n{}\r\n$1\r\n',
    );
    await expect(parse(withText(form, twoFields))).rejects.toThrow(/more than one field/);
    const empty = encodeBatchForm({ envelopes: [] }, []);
    const boundary = empty.contentType.split('boundary=')[1]!;
    await expect(parse(withText(empty, `--${boundary}--\r\n`))).rejects.toThrow(/no "batch" part/);
    await expect(parse(withText(empty, text(empty).replace('[]', '[')))).rejects.toMatchObject({
      problem: { code: 'malformed-json' },
    });
    const big = encodeBatchForm({ envelopes: [] }, [
      { id: crypto.randomUUID(), data: new Uint8Array(MAX_INLINE_ATTACHMENT_BYTES + 1) },
    ]);
    await expect(parse(big)).rejects.toThrow(/exceeds/);
    expect(() =>
      encodeBatchForm({ envelopes: [] }, [{ id: 'a"b', data: new Uint8Array(1) }]),
    ).toThrow(/UUID/);
  });
});
