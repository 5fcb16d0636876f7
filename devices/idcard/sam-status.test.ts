import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceText } from '../driver/device-message';
import { samStatus } from './sam-status';

describe('samStatus', () => {
  it('names a known status and gives its message code', () => {
    expect(samStatus(0x41)).toEqual({
      code: 0x41,
      name: 'read-failed',
      ok: false,
      message: { key: 'device.idcard.sam.read-failed' },
    });
    expect(deviceText('zh-CN', samStatus(0x41).message)).toBe('读证/卡操作失败，请放稳证件重试');
    expect(samStatus(0x90).ok).toBe(true);
    expect(samStatus(0x9f).ok).toBe(true);
  });

  it('says which byte it does not know', () => {
    expect(deviceText('en', samStatus(0x5a).message)).toBe('Unrecognised reader status 5A');
    expect(deviceText('zh-CN', samStatus(0x0b).message)).toBe('无法识别的读卡器状态 0B');
  });

  it('has a text in both languages for every byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (sw3) => {
        const { message } = samStatus(sw3);
        expect(deviceText('en', message)).not.toMatch(/\{/);
        expect(deviceText('zh-CN', message)).not.toMatch(/\{/);
      }),
    );
  });
});
