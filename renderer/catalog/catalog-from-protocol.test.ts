import { describe, expect, it } from 'vitest';
import { Catalog as WireCatalog } from '../../sync/protocol/catalog';
import { catalogFromProtocol } from './catalog-from-protocol';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const wire = WireCatalog.parse({
  version: 3,
  publishedAt: '2025-01-01T00:00:00+08:00',
  locales: ['zh-CN', 'en'],
  services: [
    {
      code: '000131132000',
      itemCode: '00013113200001',
      kind: 'application',
      name: t('个体工商户设立登记', 'Individual business registration'),
      summary: t('开店', 'Open a shop'),
      audience: ['legal-person'],
      popularity: 2,
      keywords: ['个体户'],
      identityFields: ['name', 'idNumber'],
      themeCode: 'open-shop',
      guide: {
        authority: t('区市场监督管理局', 'Market Regulation Bureau'),
        conditions: [t('自然人', 'Natural persons')],
        materials: [
          {
            id: 'id-card',
            name: t('居民身份证', 'ID card'),
            forms: ['original'],
            copies: 0,
            required: true,
            deferrable: false,
            promiseAllowed: false,
            electronicLicence: true,
            scan: false,
          },
          {
            id: 'premises',
            name: t('经营场所证明', 'Proof of premises'),
            forms: ['copy'],
            copies: 1,
            required: true,
            deferrable: false,
            promiseAllowed: true,
            electronicLicence: false,
            scan: true,
          },
        ],
        process: [t('申请', 'Apply')],
        legalTimeLimit: { kind: 'working-days', value: 3 },
        promisedTimeLimit: { kind: 'on-the-spot' },
        fee: t('不收费', 'Free'),
        free: true,
        locations: [
          {
            name: t('大厅', 'Hall'),
            address: t('人民路', 'Renmin Rd'),
            hours: t('全天', 'All day'),
          },
        ],
        visits: 0,
        consultPhone: '12345',
        complaintPhone: '12345',
        faq: [],
      },
      form: {
        fields: [
          {
            key: 'applicantName',
            type: 'text',
            maxLength: 50,
            label: t('姓名', 'Name'),
            required: true,
            prefill: 'name',
          },
          {
            key: 'capital',
            type: 'number',
            min: 0,
            integer: true,
            label: t('资金', 'Capital'),
            required: true,
          },
        ],
      },
    },
  ],
  themes: [
    {
      code: 'open-shop',
      name: t('开店', 'Open a shop'),
      description: t('开店', 'Open a shop'),
      bundledItems: [t('登记', 'Registration'), t('税务', 'Tax')],
      serviceCodes: ['000131132000'],
    },
  ],
});

describe('catalogue from the protocol', () => {
  const catalog = catalogFromProtocol(wire);
  const service = catalog.services[0]!;

  it('maps audience, theme and bundle', () => {
    expect(service.audience).toEqual(['legal']);
    expect(service.themeIds).toEqual(['open-shop']);
    expect(service.bundles).toHaveLength(2);
    expect(catalog.themes[0]).toEqual({
      id: 'open-shop',
      name: wire.themes[0]!.name,
      serviceCodes: ['000131132000'],
    });
  });

  it('marks the ID card as read, and promised materials by commitment with a text to sign', () => {
    expect(service.materials.map((m) => [m.id, m.fromIdCard, m.byCommitment])).toEqual([
      ['id-card', true, false],
      ['premises', false, true],
    ]);
    expect(service.commitment?.['zh-CN']).toContain('经营场所证明');
    expect(service.commitment).toEqual({
      'zh-CN':
        '本人承诺：经营场所证明所证明的事项真实、合法、有效。如有不实，本人愿承担相应法律责任，并接受有关机关依法撤销所作决定。',
      en: 'I promise that what the Proof of premises would prove is true, lawful and valid. If it is not, I accept the legal consequences and the revocation of the decision.',
    });
  });

  it('locks card-filled identity fields and keeps field limits', () => {
    expect(service.form[0]).toMatchObject({
      id: 'applicantName',
      prefill: 'name',
      readOnly: true,
      maxLength: 50,
    });
    expect(service.form[1]).toMatchObject({ id: 'capital', type: 'number', min: 0, integer: true });
  });

  it('orders the most asked-for first', () => {
    expect(service.popularity).toBe(-2);
  });
});
