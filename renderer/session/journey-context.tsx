import { createContext, useContext, type Dispatch } from 'react';
import type { Journey, JourneyAction } from './journey';

export interface JourneyHandle {
  journey: Journey;
  dispatch: Dispatch<JourneyAction>;
  /**
   * Ends the session (the citizen left, or the idle timer ran out): the privacy wipe, then the
   * attract screen for the next citizen. A finished journey says goodbye first, through the
   * journey's own `farewell` action.
   */
  endSession(): void;
}

export const JourneyContext = createContext<JourneyHandle | null>(null);

export function useJourney(): JourneyHandle {
  const handle = useContext(JourneyContext);
  if (!handle) throw new Error('JourneyContext is not provided');
  return handle;
}
