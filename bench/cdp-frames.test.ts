import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder } from './cdp-frames';

const message = fc
  .string({ unit: 'grapheme' })
  .map((text) => JSON.stringify({ id: 1, params: { text } }));

describe('DevTools pipe framing', () => {
  it('gives back the messages sent, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (messages, cuts) => {
          const bytes = Buffer.concat(messages.map(encodeFrame));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const decoder = new FrameDecoder();
          const received: string[] = [];
          let from = 0;
          for (const to of [...at, bytes.length]) {
            received.push(...decoder.push(bytes.subarray(from, to)));
            from = to;
          }
          expect(received).toEqual(messages);
        },
      ),
    );
  });

  it('holds back a message until its NUL arrives', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(Buffer.from('{"id":1,'))).toEqual([]);
    expect(decoder.push(Buffer.from('"result":{}}\0{"id"'))).toEqual(['{"id":1,"result":{}}']);
  });
});
