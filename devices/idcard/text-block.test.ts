import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../domain/id-number';
import { buildTextBlock, parseTextBlock, type CardTextInput } from './text-block';

const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

const parse = (card: CardTextInput) => {
  const result = parseTextBlock(buildTextBlock(card));
  if (!result.ok) throw new Error(result.message);
  return result.text;
};

describe('text block', () => {
  it('reads a resident ID card', () => {
    const block = buildTextBlock({
      cardType: 'resident',
      name: '张三',
      sex: 'female',
      nationCode: '01',
      birthDate: '1949-12-31',
      address: '北京市西城区复兴门外大街999号',
      idNumber: '11010519491231002X',
      issuer: '北京市公安局西城分局',
      validFrom: '2015-01-01',
      validTo: '长期',
    });
    expect(block).toHaveLength(256);
    expect(Array.from(block.subarray(248, 250))).toEqual([0x20, 0x00]);
    expect(parseTextBlock(block)).toEqual({
      ok: true,
      text: {
        cardType: 'resident',
        name: '张三',
        sex: 'female',
        nationCode: '01',
        nation: '汉',
        birthDate: '1949-12-31',
        address: '北京市西城区复兴门外大街999号',
        idNumber: '11010519491231002X',
        idNumberCheck: { valid: true },
        issuer: '北京市公安局西城分局',
        validFrom: '2015-01-01',
        validTo: '长期',
      },
    });
  });

  it('reads a Hong Kong/Macao/Taiwan residence permit', () => {
    const text = parse({
      cardType: 'hmt-permit',
      name: '陈大文',
      sex: 'male',
      birthDate: '1990-01-01',
      address: '广东省深圳市福田区某路1号',
      idNumber: withCheck('81000019900101001'),
      issuer: '深圳市公安局',
      validFrom: '2020-05-01',
      validTo: '2025-05-01',
      permitNumber: 'H12345678',
      issueCount: '01',
    });
    expect(text).toMatchObject({
      cardType: 'hmt-permit',
      permitNumber: 'H12345678',
      issueCount: '01',
      idNumberCheck: { valid: true },
    });
    expect(text.nation).toBeUndefined();
  });

  it('reads a foreigner permanent residence card of 2017', () => {
    const text = parse({
      cardType: 'foreigner-2017',
      name: '王约翰',
      nameEn: 'SMITH, JOHN',
      sex: 'male',
      nationality: 'CAN',
      birthDate: '1980-02-29',
      idNumber: 'CAN110080022901',
      issuer: '1100',
      validFrom: '2017-06-01',
      validTo: '2027-06-01',
      cardVersion: '02',
    });
    expect(text).toMatchObject({
      cardType: 'foreigner-2017',
      name: '王约翰',
      nameEn: 'SMITH, JOHN',
      nationality: 'CAN',
      birthDate: '1980-02-29',
      cardVersion: '02',
      idNumberCheck: { valid: true },
    });
  });

  it('reads a foreigner permanent residence card of 2023 with a long English name', () => {
    const nameEn = 'VAN DER BERG-MONTGOMERY, ALEXANDRA CHARLOTTE';
    const text = parse({
      cardType: 'foreigner-2023',
      name: '',
      nameEn,
      sex: 'female',
      nationality: 'NLD',
      birthDate: '1985-06-12',
      idNumber: withCheck('93152819850612001'),
      validFrom: '2023-12-01',
      validTo: '2033-12-01',
      issueCount: '00',
      previousCardLink: 'NLD',
    });
    expect(text).toMatchObject({
      cardType: 'foreigner-2023',
      name: nameEn,
      nameEn,
      nationality: 'NLD',
      previousCardLink: 'NLD',
      idNumberCheck: { valid: true },
    });
  });

  it('reports a bad ID number as a field, never throws', () => {
    const text = parse({
      cardType: 'resident',
      name: '李四',
      sex: 'male',
      birthDate: '1990-01-01',
      idNumber: '110105194912310021',
      validFrom: '2010-01-01',
      validTo: '2030-01-01',
    });
    expect(text.idNumberCheck).toEqual({ valid: false, problem: 'checksum' });
  });

  it('maps sex and nation codes, and keeps an unknown nation code', () => {
    const block = buildTextBlock({
      cardType: 'resident',
      name: '王五',
      sex: 'unspecified',
      nationCode: '98',
      birthDate: '2000-01-01',
      idNumber: 'x',
      validFrom: '2010-01-01',
      validTo: '2030-01-01',
    });
    expect(
      parse({
        cardType: 'resident',
        name: 'a',
        sex: 'male',
        nationCode: '56',
        birthDate: '2000-01-01',
        idNumber: 'x',
        validFrom: '2000-01-01',
        validTo: '2000-01-01',
      }),
    ).toMatchObject({ nation: '基诺' });
    const result = parseTextBlock(block);
    expect(result.ok && result.text).toMatchObject({
      sex: 'unspecified',
      nation: '外国血统中国籍人士',
    });
    const unknown = parse({
      cardType: 'resident',
      name: 'a',
      sex: 'male',
      nationCode: '77',
      birthDate: '2000-01-01',
      idNumber: 'x',
      validFrom: '2000-01-01',
      validTo: '2000-01-01',
    });
    expect(unknown.nationCode).toBe('77');
    expect(unknown.nation).toBeUndefined();
  });

  it('refuses a block of the wrong size or with an unknown type flag', () => {
    expect(parseTextBlock(new Uint8Array(100))).toMatchObject({ ok: false, problem: 'size' });
    const block = buildTextBlock({
      cardType: 'resident',
      name: 'a',
      sex: 'male',
      birthDate: '2000-01-01',
      idNumber: 'x',
      validFrom: '2000-01-01',
      validTo: '2000-01-01',
    });
    block[248] = 0x5a;
    expect(parseTextBlock(block)).toMatchObject({ ok: false, problem: 'card-type' });
  });

  // Field text as a card holds it: no padding at either end, within the field's size.
  const fieldText = (max: number, min = 0) =>
    fc
      .string({
        unit: fc.constantFrom(
          ...'张三李四王五赵六钱七孙八周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜北京市西城区路号ABCXYZ0123456789-, '.split(
            '',
          ),
        ),
        minLength: min,
        maxLength: max,
      })
      .map((s) => s.trim())
      .filter((s) => s.length >= min);
  const date = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const sex = fc.constantFrom('unknown', 'male', 'female', 'unspecified') as fc.Arbitrary<'male'>;

  it('parse(build(card)) = card, for every card type', () => {
    const resident = fc.record({
      cardType: fc.constantFrom('resident', 'hmt-permit') as fc.Arbitrary<'resident'>,
      name: fieldText(15, 1),
      sex,
      nationCode: fc.integer({ min: 1, max: 56 }).map((n) => String(n).padStart(2, '0')),
      birthDate: date,
      address: fieldText(35, 1),
      idNumber: fieldText(18, 1),
      issuer: fieldText(15, 1),
      validFrom: date,
      validTo: fc.oneof(date, fc.constant('长期')),
    });
    fc.assert(
      fc.property(resident, (card) => {
        const { idNumberCheck: _c, nation: _n, ...text } = parse(card);
        expect(text).toEqual(card);
      }),
    );
    const foreigner = fc.record({
      cardType: fc.constantFrom(
        'foreigner-2017',
        'foreigner-2023',
      ) as fc.Arbitrary<'foreigner-2017'>,
      name: fieldText(15, 1),
      nameEn: fieldText(46, 1),
      sex,
      nationality: fc.constantFrom('CAN', 'USA', 'NLD', 'JPN'),
      birthDate: date,
      idNumber: fieldText(15, 1),
      validFrom: date,
      validTo: date,
    });
    fc.assert(
      fc.property(foreigner, (card) => {
        const { idNumberCheck: _c, ...text } = parse(card);
        expect(text).toEqual(card);
      }),
    );
  });

  it('never throws on random blocks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => {
        expect(() => parseTextBlock(block)).not.toThrow();
      }),
    );
  });
});
