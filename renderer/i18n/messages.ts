import type { Locale } from '../catalog/catalog-model';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale; unknown placeholders stay visible rather than vanish. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key] ?? zhCN[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
