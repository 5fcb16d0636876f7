import { createContext, useContext, type Dispatch } from 'react';
import type { Journey, JourneyAction } from './journey';

export type SessionEnd = 'finished' | 'timeout' | 'cardRemoved' | 'exit';

export interface JourneyHandle {
  journey: Journey;
  dispatch: Dispatch<JourneyAction>;
  /** Ends the session: the privacy wipe, then the attract screen for the next citizen. */
  endSession(reason: SessionEnd): void;
}

export const JourneyContext = createContext<JourneyHandle | null>(null);

export function useJourney(): JourneyHandle {
  const handle = useContext(JourneyContext);
  if (!handle) throw new Error('JourneyContext is not provided');
  return handle;
}
