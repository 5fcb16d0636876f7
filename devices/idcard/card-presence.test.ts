import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../bridge/contract';
import {
  NO_CARD,
  observe,
  type Observation,
  type Presence,
  type ReaderError,
} from './card-presence';

const card = (idNumber: string) => ({ idNumber, name: '张三' }) as unknown as Identity;
const unreadable: ReaderError = {
  code: 'DEVICE_ERROR',
  message: { key: 'device.idcard.sam.read-failed' },
};

const kinds = (step: ReturnType<typeof observe>) => step.effects.map((e) => e.kind);

describe('card presence', () => {
  it('tells of a card placed, read again, and taken away', () => {
    const placed = observe(NO_CARD, { kind: 'identity', identity: card('A') });
    expect(kinds(placed)).toEqual(['status', 'card-present', 'settle']);
    const again = observe(placed.presence, { kind: 'identity', identity: card('A') });
    expect(kinds(again)).toEqual(['status', 'settle']);
    const taken = observe(again.presence, { kind: 'removed' });
    expect(taken.effects).toEqual([
      { kind: 'status', state: 'idle', clearError: false },
      { kind: 'card-removed' },
    ]);
    expect(taken.presence).toEqual(NO_CARD);
  });

  it('treats a different card as a removal and an arrival', () => {
    const a = observe(NO_CARD, { kind: 'identity', identity: card('A') });
    const b = observe(a.presence, { kind: 'identity', identity: card('B') });
    expect(kinds(b)).toEqual(['card-removed', 'status', 'card-present', 'settle']);
  });

  it('reports an unreadable card once until it leaves', () => {
    const first = observe(NO_CARD, { kind: 'card-error', error: unreadable });
    expect(kinds(first)).toEqual(['status', 'report']);
    const second = observe(first.presence, { kind: 'card-error', error: unreadable });
    expect(kinds(second)).toEqual(['status']);
    const gone = observe(second.presence, { kind: 'no-card' });
    const back = observe(gone.presence, { kind: 'card-error', error: unreadable });
    expect(kinds(back)).toEqual(['status', 'report']);
  });

  it('concludes nothing from a presence check that got no reply', () => {
    const here: Presence = { card: card('A'), failureReported: false };
    expect(observe(here, { kind: 'unsure' })).toEqual({ presence: here, effects: [] });
  });

  const observation: fc.Arbitrary<Observation> = fc.oneof(
    fc.constantFrom('A', 'B').map((id) => ({ kind: 'identity' as const, identity: card(id) })),
    fc.constant({ kind: 'no-card' as const }),
    fc.constant({ kind: 'card-error' as const, error: unreadable }),
    fc.constant({ kind: 'no-reply' as const }),
    fc.constant({ kind: 'still-present' as const }),
    fc.constant({ kind: 'removed' as const }),
    fc.constant({ kind: 'unsure' as const }),
    fc.constant({ kind: 'link-lost' as const }),
  );

  it('alternates arrivals and removals, and holds a card exactly after an arrival', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), (seen) => {
        let presence = NO_CARD;
        let onReader = false;
        for (const o of seen) {
          const step = observe(presence, o);
          for (const effect of step.effects) {
            if (effect.kind === 'card-present') {
              expect(onReader).toBe(false);
              onReader = true;
            }
            if (effect.kind === 'card-removed') {
              expect(onReader).toBe(true);
              onReader = false;
            }
          }
          presence = step.presence;
          expect(presence.card !== undefined).toBe(onReader);
        }
      }),
    );
  });

  it('never reports twice without the card leaving or a good read between', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), (seen) => {
        let presence = NO_CARD;
        let reportedSinceReset = false;
        for (const o of seen) {
          const step = observe(presence, o);
          if (step.effects.some((e) => e.kind === 'report')) {
            expect(reportedSinceReset).toBe(false);
            reportedSinceReset = true;
          }
          if (['identity', 'no-card', 'removed'].includes(o.kind)) reportedSinceReset = false;
          presence = step.presence;
        }
      }),
    );
  });
});
