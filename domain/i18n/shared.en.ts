import type { SharedMessageKey } from './shared.zh-CN';

// Typed against the Chinese keys, so a missing or an extra key fails the typecheck.
export const sharedEn: Record<SharedMessageKey, string> = {
  'locale.other': '中文',
  'idcard.name': 'Name',
};
