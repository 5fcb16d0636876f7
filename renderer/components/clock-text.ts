import type { Locale } from '../../domain/locale';

// Building an Intl.DateTimeFormat loads ICU data and is the costly part of formatting a
// date; toLocaleDateString builds a new one on every call. One pair per locale, kept.
const formats = new Map<Locale, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(locale: Locale) {
  let pair = formats.get(locale);
  if (!pair) {
    pair = {
      date: new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'long',
      }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }),
    };
    formats.set(locale, pair);
  }
  return pair;
}

/** The header clock's two lines: "2025年3月1日星期六" and "09:05". */
export function clockText(at: Date, locale: Locale): { date: string; time: string } {
  const { date, time } = formatsFor(locale);
  return { date: date.format(at), time: time.format(at) };
}
