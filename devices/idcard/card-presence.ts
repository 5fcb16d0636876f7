// Whether a card is on the reader, as a pure state machine: the reader's poll loop does the
// I/O (find, select, read) and feeds what it saw here; the effects say what to tell the
// host, in order. Kept apart so the rules (a removal needs a confirmed miss, a card that
// failed to read is reported once until it leaves, a different card is a removal and an
// arrival) are tested without a port.
import type { ErrorCode, Identity } from '../bridge/contract';
import type { DeviceMessage } from '../driver/device-message';

/** What went wrong, as a code: the host renders it (deviceText) for the wire and the logs. */
export interface ReaderError {
  code: ErrorCode;
  message: DeviceMessage;
}

/** Why a read did not give an identity; the last one decides readOnce's error. */
export type ReadOutcome =
  | { kind: 'identity'; identity: Identity }
  | { kind: 'no-card' }
  | { kind: 'card-error'; error: ReaderError }
  | { kind: 'no-reply' };

export interface Presence {
  /** The card on the reader, once read. */
  card?: Identity;
  /** A card that failed to read stays quiet until it leaves, instead of erroring every poll. */
  failureReported: boolean;
}

export const NO_CARD: Presence = { failureReported: false };

/** What a poll saw: a whole read, or (with a card present) whether it is still there. */
export type Observation =
  | ReadOutcome
  | { kind: 'still-present' }
  | { kind: 'removed' }
  /** The presence check got no reply: nothing is concluded. */
  | { kind: 'unsure' }
  | { kind: 'link-lost' };

export type PresenceEffect =
  /** The reader's state becomes this; clearError drops the last error shown with it. */
  | { kind: 'status'; state: 'idle' | 'card-present'; clearError: boolean }
  | { kind: 'card-removed' }
  | { kind: 'card-present'; identity: Identity }
  | { kind: 'report'; error: ReaderError }
  /** Callers of readOnce waiting for a card get this one. */
  | { kind: 'settle'; identity: Identity };

export interface Step {
  presence: Presence;
  effects: PresenceEffect[];
}

export function observe(presence: Presence, seen: Observation): Step {
  const { card } = presence;
  const removal: PresenceEffect[] = card ? [{ kind: 'card-removed' }] : [];
  const sameState: PresenceEffect = {
    kind: 'status',
    state: card ? 'card-present' : 'idle',
    clearError: false,
  };
  switch (seen.kind) {
    case 'still-present':
    case 'unsure':
      return { presence, effects: [] };
    case 'removed':
      return {
        presence: NO_CARD,
        effects: [{ kind: 'status', state: 'idle', clearError: false }, ...removal],
      };
    case 'link-lost':
      return { presence: { failureReported: presence.failureReported }, effects: removal };
    case 'identity': {
      const isNew = !card || card.idNumber !== seen.identity.idNumber;
      return {
        presence: { card: seen.identity, failureReported: false },
        effects: [
          ...(isNew ? removal : []),
          { kind: 'status', state: 'card-present', clearError: true },
          ...(isNew ? [{ kind: 'card-present' as const, identity: seen.identity }] : []),
          { kind: 'settle', identity: seen.identity },
        ],
      };
    }
    case 'no-card':
      return {
        presence: NO_CARD,
        effects: [...removal, { kind: 'status', state: 'idle', clearError: true }],
      };
    case 'card-error':
      return {
        presence: { ...presence, failureReported: true },
        effects: [
          sameState,
          ...(presence.failureReported ? [] : [{ kind: 'report' as const, error: seen.error }]),
        ],
      };
    case 'no-reply':
      return { presence, effects: [sameState] };
  }
}
