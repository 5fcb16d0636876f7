// Voice guidance: a kiosk is a closed system, so it speaks by itself (docs/domain.md). Every
// spoken line is also shown as a caption, for those who cannot hear it.
import type { Locale } from '../../domain/locale';

export interface VoiceGuide {
  speak(text: string, locale: Locale): void;
  stop(): void;
  onCaption(handler: (caption: string | undefined) => void): () => void;
}

export function createVoiceGuide(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): VoiceGuide {
  const handlers = new Set<(caption: string | undefined) => void>();
  let captionTimer: ReturnType<typeof setTimeout> | undefined;
  const show = (caption: string | undefined) => {
    for (const h of handlers) h(caption);
  };
  return {
    speak(text, locale) {
      clearTimeout(captionTimer);
      show(text);
      // Captions stay about as long as the words take to say, and at least four seconds.
      captionTimer = setTimeout(() => show(undefined), Math.max(4000, text.length * 250));
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = locale;
      utterance.rate = 0.9;
      synth.speak(utterance);
    },
    stop() {
      clearTimeout(captionTimer);
      synth?.cancel();
      show(undefined);
    },
    onCaption(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
