import { describe, expect, it } from 'vitest';
import { KioskError } from '../../devices/bridge/contract';
import { errorText, isSessionRejected } from './error-text';
import { translator } from '../../domain/i18n/translator';

const zh = translator('zh-CN');
const en = translator('en');

describe('error text', () => {
  it('explains the login errors in plain words', () => {
    expect(errorText(new KioskError('UNAUTHORIZED', 'wrong PIN'), zh, 'login')).toBe(
      'PIN码错误，请重新输入。',
    );
    expect(
      errorText(new KioskError('LOCKED_OUT', 'x', { retryAfterSeconds: 290 }), zh, 'login'),
    ).toBe('错误次数过多，已暂时锁定。请在4分50秒后再试。');
    expect(errorText({ code: 'LOCKED_OUT' }, en, 'login')).toMatch(/try again later/);
    expect(errorText(new KioskError('HOST_UNAVAILABLE', 'gone'), en, 'login')).toMatch(
      /cannot be reached/,
    );
  });

  it('masks what a device error may echo', () => {
    const text = errorText(
      new KioskError('DEVICE_ERROR', 'bad frame after 11010519491231002X'),
      en,
      'action',
    );
    expect(text).toContain('110105********002X');
    expect(text).not.toContain('19491231');
  });

  it('names unknown failures by code only', () => {
    expect(errorText(new Error('boom'), en, 'action')).toBe('Unexpected error (Unknown).');
    expect(errorText({ code: 'STORAGE_FULL', message: 'secret' }, en, 'action')).toBe(
      'Unexpected error (STORAGE_FULL).',
    );
    expect(isSessionRejected(new KioskError('UNAUTHORIZED', ''))).toBe(true);
    expect(isSessionRejected(null)).toBe(false);
  });
});

describe('a device report in the console’s words', () => {
  it('says a DEVICE_ERROR reported as a key in the console’s locale', () => {
    const error = {
      code: 'DEVICE_ERROR',
      message: 'ID card reader unavailable (/dev/ttyUSB0): closed',
      details: {
        key: 'device.idcard.unavailable',
        params: { device: '/dev/ttyUSB0', detail: 'closed' },
      },
    };
    expect(errorText(error, zh, 'action')).toContain('身份证阅读器不可用（/dev/ttyUSB0）：closed');
  });
});
