import type { Locale } from '../locale';
import { messages, type MessageKey, type MessageParams } from './messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

type Dictionaries = { readonly 'zh-CN': Readonly<Record<MessageKey, string>> } & {
  readonly [L in Locale]: Readonly<Partial<Record<MessageKey, string>>>;
};

/** `{name}` placeholders filled from params; an unknown one stays visible rather than vanish. */
export function fillPlaceholders(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator for one locale; a text missing in English falls back to the Chinese one. */
export function translator(locale: Locale, dictionaries: Dictionaries = messages): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => fillPlaceholders(dictionary[key] ?? dictionaries['zh-CN'][key], params);
}
