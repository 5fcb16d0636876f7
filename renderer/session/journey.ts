// The citizen's journey as a pure reducer: which screen, and everything the citizen has
// given so far. It lives in React state only; `reset` is the privacy wipe that ends a session.
import type { Identity } from '../../devices/bridge/contract';
import type { Service } from '../catalog/catalog-model';
import type { SubmittedApplication } from '../../sync/client/kiosk-sync';

export type Screen =
  | 'attract'
  | 'catalog'
  | 'guide'
  | 'identify'
  | 'form'
  | 'materials'
  | 'review'
  | 'submitted'
  | 'rating'
  | 'progress'
  | 'goodbye';

export type IdentitySource = 'card' | 'eid' | 'manual';

export type MaterialState =
  | { kind: 'captured'; blob: Blob; width: number; height: number }
  | { kind: 'deferred'; deadline: string };

export interface Submitted {
  result: SubmittedApplication;
  submittedAt: string;
  materialsSubmitted: string[];
  materialsMissing: { name: string; deadline: string }[];
}

export interface Journey {
  screen: Screen;
  /** Screens visited, for the back button. */
  trail: Screen[];
  service?: Service;
  identity?: Identity;
  identitySource?: IdentitySource;
  form: Record<string, string>;
  materials: Record<string, MaterialState>;
  commitmentAccepted: boolean;
  submitted?: Submitted;
  /** Bumped by every reset: components keyed on it start clean. */
  sessionNumber: number;
}

export type JourneyAction =
  | { type: 'go'; screen: Screen }
  | { type: 'back' }
  | { type: 'chooseService'; service: Service }
  | {
      type: 'identified';
      identity: Identity;
      source: IdentitySource;
      prefill: Record<string, string>;
    }
  | { type: 'setField'; id: string; value: string }
  | { type: 'setMaterial'; id: string; state: MaterialState | undefined }
  | { type: 'acceptCommitment'; accepted: boolean }
  | { type: 'submitted'; submitted: Submitted }
  /**
   * The privacy wipe of a finished session, stopping on the farewell: everything the
   * citizen gave goes at once, while the session's language and elderly mode, which are not
   * the journey's, stay for the farewell; ending the session from there clears those too.
   */
  | { type: 'farewell' }
  | { type: 'reset' };

export function initialJourney(sessionNumber = 0): Journey {
  return {
    screen: 'attract',
    trail: [],
    form: {},
    materials: {},
    commitmentAccepted: false,
    sessionNumber,
  };
}

/** Screens after which going back would resubmit or reopen a finished application. */
const NO_WAY_BACK: ReadonlySet<Screen> = new Set(['submitted', 'rating', 'goodbye']);

function go(state: Journey, screen: Screen): Journey {
  if (screen === state.screen) return state;
  const trail = NO_WAY_BACK.has(screen) ? [] : [...state.trail, state.screen];
  return { ...state, screen, trail };
}

export function journeyReducer(state: Journey, action: JourneyAction): Journey {
  switch (action.type) {
    case 'go':
      return go(state, action.screen);
    case 'back': {
      const previous = state.trail[state.trail.length - 1];
      if (!previous) return state;
      return { ...state, screen: previous, trail: state.trail.slice(0, -1) };
    }
    case 'chooseService':
      // A different service starts a different application: nothing carries over but identity.
      return go(
        {
          ...state,
          service: action.service,
          form: state.service?.code === action.service.code ? state.form : {},
          materials: state.service?.code === action.service.code ? state.materials : {},
          commitmentAccepted: false,
        },
        'guide',
      );
    case 'identified':
      return go(
        {
          ...state,
          identity: action.identity,
          identitySource: action.source,
          form: { ...action.prefill, ...state.form, ...lockedPrefill(state, action.prefill) },
        },
        'form',
      );
    case 'setField':
      return { ...state, form: { ...state.form, [action.id]: action.value } };
    case 'setMaterial': {
      const materials = { ...state.materials };
      if (action.state) materials[action.id] = action.state;
      else delete materials[action.id];
      return { ...state, materials };
    }
    case 'acceptCommitment':
      return { ...state, commitmentAccepted: action.accepted };
    case 'submitted':
      return go({ ...state, submitted: action.submitted }, 'submitted');
    case 'farewell':
      return { ...initialJourney(state.sessionNumber + 1), screen: 'goodbye' };
    case 'reset':
      return initialJourney(state.sessionNumber + 1);
  }
}

/** Fields the card fills and the citizen cannot change always take the card's value. */
function lockedPrefill(state: Journey, prefill: Record<string, string>): Record<string, string> {
  const locked: Record<string, string> = {};
  for (const field of state.service?.form ?? []) {
    const value = prefill[field.id];
    if (field.readOnly && value !== undefined) locked[field.id] = value;
  }
  return locked;
}
