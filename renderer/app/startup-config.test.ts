import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../devices/bridge/contract';
import {
  parseRememberedConfig,
  rememberConfig,
  rememberedForm,
  startupConfig,
  UNKNOWN_CONFIG,
} from './startup-config';

const config: KioskConfig = {
  mode: 'web',
  demo: true,
  roomName: '朝阳区政务服务中心24小时自助区',
  platformUrl: 'http://127.0.0.1:7790',
  enrolmentCode: 'ABCD-EFGH-JKLM',
  locale: 'en',
  hotline: '12345',
  idleTimeoutSeconds: 90,
  simulatorControlUrl: 'http://127.0.0.1:9999/',
};

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

describe('startup configuration', () => {
  it('starts from nothing room-specific on a first start', () => {
    expect(startupConfig(memoryStore())).toEqual(UNKNOWN_CONFIG);
    expect(startupConfig(undefined)).toEqual(UNKNOWN_CONFIG);
  });

  it('starts from the last configuration, without the enrolment code or simulator address', () => {
    const store = memoryStore();
    rememberConfig(config, store);
    const { enrolmentCode: _code, simulatorControlUrl: _sim, ...kept } = config;
    expect(startupConfig(store)).toEqual(kept);
    expect([...store.items.values()].join()).not.toContain('ABCD-EFGH-JKLM');
  });

  it('ignores a remembered value that is not a configuration', () => {
    for (const text of ['', '{', 'null', '[]', '{"roomName":1}', '"x"'])
      expect(parseRememberedConfig(text)).toBeUndefined();
    expect(
      parseRememberedConfig(rememberedForm({ ...config, idleTimeoutSeconds: 5 })),
    ).toBeUndefined();
  });

  it('reads back whatever it wrote, and never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.record({
          roomName: fc.string(),
          hotline: fc.string(),
          locale: fc.constantFrom('zh-CN' as const, 'en' as const),
          idleTimeoutSeconds: fc.integer({ min: 30, max: 3600 }),
        }),
        (patch) => {
          const c = { ...UNKNOWN_CONFIG, ...patch };
          expect(parseRememberedConfig(rememberedForm(c))).toEqual(c);
        },
      ),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseRememberedConfig(text)));
  });

  it('survives a store that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(startupConfig(refusing)).toEqual(UNKNOWN_CONFIG);
    expect(() => rememberConfig(config, refusing)).not.toThrow();
  });
});
