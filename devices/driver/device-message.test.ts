import { describe, expect, it } from 'vitest';
import { deviceMessages } from '../../domain/i18n/device-messages';
import { deviceText } from './device-message';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('device messages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const zh = deviceMessages['zh-CN'];
    const en = deviceMessages.en;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(key.startsWith('device.')).toBe(true);
      expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
    }
  });

  it('fills the params in', () => {
    const message = {
      key: 'device.idcard.unavailable',
      params: { device: '/dev/ttyUSB0', detail: 'the port closed (unplugged?)' },
    } as const;
    expect(deviceText('en', message)).toBe(
      'ID card reader unavailable (/dev/ttyUSB0): the port closed (unplugged?)',
    );
    expect(deviceText('zh-CN', message)).toBe(
      '身份证阅读器不可用（/dev/ttyUSB0）：the port closed (unplugged?)',
    );
  });
});
