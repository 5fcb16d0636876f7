import { describe, expect, it } from 'vitest';
import { encodeBaseInfo } from '../../devices/idcard/base-info';
import { toHex } from '../../domain/hex';
import { encodeReply } from '../../devices/idcard/sam-frame';
import { buildTextBlock } from '../../devices/idcard/text-block';
import { decodeReplyHex } from './idcard';

const baseInfoHex = () => {
  const text = buildTextBlock({
    cardType: 'resident',
    name: '张三',
    sex: 'female',
    nationCode: '01',
    birthDate: '1949-12-31',
    idNumber: '11010519491231002X',
    validFrom: '2015-01-01',
    validTo: '长期',
  });
  return toHex(
    encodeReply({
      sw1: 0,
      sw2: 0,
      sw3: 0x90,
      data: encodeBaseInfo({ text, photo: new Uint8Array(1024) }),
    }),
  );
};

describe('budayang idcard decode', () => {
  it('decodes a status reply', () => {
    expect(decodeReplyHex('AA AA AA 96 69 00 04 00 00 80 84')).toEqual({
      ok: true,
      json: expect.objectContaining({
        sw3: '80',
        status: 'find-failed',
        messageZh: expect.any(String),
        dataLength: 0,
      }),
    });
  });

  it('decodes a base-info reply, masked unless revealed', () => {
    const masked = decodeReplyHex(baseInfoHex());
    expect(masked.ok && masked.json.identity).toMatchObject({
      name: '张*',
      idNumber: '110105********002X',
      photoWlt: '<1024 bytes>',
    });
    const clear = decodeReplyHex(baseInfoHex(), true);
    expect(clear.ok && clear.json.identity).toMatchObject({
      name: '张三',
      idNumber: '11010519491231002X',
    });
  });

  it.each([
    ['zz', /not hex/],
    ['AA AA 96 69 00 04 00 00 90 94', /preamble/],
    ['AA AA AA 96 69 00 05 00 00 90 94', /LEN says 5/],
    ['AA AA AA 96 69 00 04 00 00 90 95', /checksum 95, expected 94/],
  ])('refuses %s with a clear message', (hex, message) => {
    const outcome = decodeReplyHex(hex);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(message);
  });
});
