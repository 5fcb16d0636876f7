// Every text the kiosk shows, in one key space: each area (the citizen screens, the technician
// console, the devices…) keeps its own pair of dictionaries, and this is where they are merged.
// Areas must not share a key (messages.test.ts); a text two areas show goes in shared.*.
import type { Locale } from '../locale';
import { citizenEn } from './citizen.en';
import { deviceMessages } from './device-messages';
import { citizenZhCN } from './citizen.zh-CN';
import { sharedEn } from './shared.en';
import { sharedZhCN } from './shared.zh-CN';
import { technicianEn } from './technician.en';
import { technicianZhCN } from './technician.zh-CN';

type Dictionary = Readonly<Record<string, string>>;
interface AreaTexts<Zh extends Dictionary> {
  readonly 'zh-CN': Zh;
  readonly en: Readonly<Record<keyof Zh, string>>;
}

/**
 * One area's texts in both languages. The compiler refuses an English dictionary that lacks a
 * Chinese key, even for an area whose English was not typed against its Chinese keys.
 */
function area<Zh extends Dictionary>(texts: AreaTexts<Zh>): AreaTexts<Zh> {
  return texts;
}

export const messageAreas = {
  citizen: area({ 'zh-CN': citizenZhCN, en: citizenEn }),
  technician: area({ 'zh-CN': technicianZhCN, en: technicianEn }),
  shared: area({ 'zh-CN': sharedZhCN, en: sharedEn }),
  device: area(deviceMessages),
};

type Areas = typeof messageAreas;

export type MessageKey = { [A in keyof Areas]: keyof Areas[A]['zh-CN'] & string }[keyof Areas];
export type MessageParams = Record<string, string | number>;

function merged(locale: Locale): Readonly<Record<MessageKey, string>> {
  const texts: Record<string, string> = {};
  for (const pair of Object.values(messageAreas)) Object.assign(texts, pair[locale]);
  return texts as Record<MessageKey, string>;
}

/** Every key in both languages; zh-CN is the source, English has every key it has. */
export const messages: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': merged('zh-CN'),
  en: merged('en'),
};

/** For a code that crossed a process or the network as a plain string. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages['zh-CN'], key);
}
