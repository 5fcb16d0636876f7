// A driver's report as a code and its params, and the stopgap lookup that turns one into
// zh-CN or en text for the host's logs, the wire's `message` and the CLI, until the i18n
// module of domain/i18n/ does it for every caller.
import { deviceMessages, type DeviceMessageKey } from '../domain/i18n/device-messages';

export type { DeviceMessageKey };

export interface DeviceMessage {
  key: DeviceMessageKey;
  params?: Record<string, string>;
}

export type DeviceLocale = keyof typeof deviceMessages;

export function deviceText(locale: DeviceLocale, message: DeviceMessage): string {
  const template: string = deviceMessages[locale][message.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => message.params?.[name] ?? whole);
}
