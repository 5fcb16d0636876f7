import { createContext, useContext, useEffect } from 'react';
import { afterNextPaint } from '../app/after-paint';
import { usePreferences } from '../app/preferences';
import type { MessageKey } from '../../domain/i18n/messages';
import type { VoiceGuide } from './voice-guide';

export const VoiceContext = createContext<VoiceGuide | null>(null);

/** Says one line through the voice guide when voice is on; a no-op otherwise. */
export function useSay(): (key: MessageKey) => void {
  const voice = useContext(VoiceContext);
  const { voice: on, t, locale } = usePreferences();
  return (key) => {
    if (on && voice) voice.speak(t(key), locale);
  };
}

/** Speaks a screen's guidance line once when the screen opens. */
export function useScreenVoice(key: MessageKey): void {
  const voice = useContext(VoiceContext);
  const { voice: on, t, locale } = usePreferences();
  const line = t(key);
  useEffect(() => {
    if (!on || !voice) return;
    // After the new screen has painted: effects of a touch's render run before the paint,
    // and speaking (and its caption) can wait a frame; the screen should not.
    return afterNextPaint(() => voice.speak(line, locale));
  }, [voice, on, line, locale]);
}
