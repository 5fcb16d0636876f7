import { memo, useContext, useEffect, useState } from 'react';
import { VoiceContext } from '../voice/voice-context';
import { SpeakerIcon } from './icons';

/** The caption of what the voice guide is saying. */
export const CaptionBar = memo(function CaptionBar() {
  const voice = useContext(VoiceContext);
  const [caption, setCaption] = useState<string | undefined>();
  useEffect(() => voice?.onCaption(setCaption), [voice]);
  if (!caption) return null;
  return (
    <div className="caption-bar" role="status" aria-live="polite">
      <SpeakerIcon /> {caption}
    </div>
  );
});
