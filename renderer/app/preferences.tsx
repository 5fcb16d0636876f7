// The citizen's choices for this session only: language, elderly mode (长辈版), voice.
// They reset with the session, so the next citizen starts from the kiosk's defaults.
import { createContext, useContext } from 'react';
import type { Locale } from '../../domain/locale';
import type { Translate } from '../../domain/i18n/translator';

export interface Preferences {
  locale: Locale;
  elderly: boolean;
  voice: boolean;
  t: Translate;
  setLocale(locale: Locale): void;
  setElderly(on: boolean): void;
  setVoice(on: boolean): void;
}

export const PreferencesContext = createContext<Preferences | null>(null);

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('PreferencesContext is not provided');
  return preferences;
}
