// A driver's report as a code and its params: drivers never hand up a sentence. The one i18n
// module (domain/i18n) turns it into zh-CN or en for the host's logs, the wire's `message`
// and the CLI, from the texts in domain/i18n/device-messages.ts.
import type { DeviceMessageKey } from '../../domain/i18n/device-messages';
import { translator } from '../../domain/i18n/translator';
import type { Locale } from '../../domain/locale';

export type { DeviceMessageKey };

export interface DeviceMessage {
  key: DeviceMessageKey;
  params?: Record<string, string>;
}

const translators = { 'zh-CN': translator('zh-CN'), en: translator('en') };

export function deviceText(locale: Locale, message: DeviceMessage): string {
  return translators[locale](message.key, message.params);
}
