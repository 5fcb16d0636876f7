// What taking the ID card away means on each screen. Before the card is read, the identify
// screen asks for it again; once read, the citizen may carry on; after the application is
// in, taking the card is the usual sign of leaving, so the countdown to the wipe starts at
// once (still cancellable with one touch, for someone who only wants to rate).
import type { Screen } from './journey';

export type CardRemovalEffect = 'ignore' | 'notice' | 'startCountdown';

export function cardRemovalEffect(screen: Screen): CardRemovalEffect {
  switch (screen) {
    case 'form':
    case 'materials':
    case 'review':
      return 'notice';
    case 'submitted':
    case 'rating':
      return 'startCountdown';
    case 'attract':
    case 'catalog':
    case 'guide':
    case 'identify':
    case 'progress':
    case 'goodbye':
      return 'ignore';
  }
}
