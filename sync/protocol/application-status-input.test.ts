import { describe, expect, it } from 'vitest';
import { translator } from '../../domain/i18n/translator';
import { ApplicationStatus, applicationStatusKey } from './application-status';
import { parseApplicationStatus } from './application-status-input';

describe('application status as operators type it', () => {
  it('reads codes and labels as operators type them', () => {
    expect(parseApplicationStatus('已受理')).toBe('accepted');
    expect(parseApplicationStatus('In progress')).toBe('processing');
    expect(parseApplicationStatus('correction-required')).toBe('correction-required');
    expect(parseApplicationStatus('done')).toBeUndefined();
  });

  it('is said in both languages by the i18n module, from its code', () => {
    const [zh, en] = [translator('zh-CN'), translator('en')];
    expect(ApplicationStatus.options.map((s) => zh(applicationStatusKey(s)))).toEqual([
      '已提交',
      '已受理',
      '办理中',
      '已办结',
      '不予受理',
      '需补正',
    ]);
    expect(en(applicationStatusKey('correction-required'))).toBe('Correction required');
    for (const status of ApplicationStatus.options)
      expect(parseApplicationStatus(en(applicationStatusKey(status)))).toBe(status);
  });
});
