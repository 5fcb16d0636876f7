import { describe, expect, it } from 'vitest';
import type { Identity } from '../../devices/bridge/contract';
import { demoCatalog } from '../dev/demo-catalog';
import { initialJourney, journeyReducer } from './journey';

const identity: Identity = {
  cardType: 'resident',
  name: '张小三',
  sex: 'male',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  idNumberValid: true,
};

const service = demoCatalog.services[0]!;

/** A journey whose citizen chose the first service and put the card on the reader. */
function identifiedByCard() {
  const chosen = journeyReducer(initialJourney(), { type: 'chooseService', service });
  return journeyReducer(chosen, {
    type: 'identified',
    identity,
    source: 'card',
    prefill: { name: '张小三' },
  });
}

describe('journey', () => {
  it('goes forward and back along the trail', () => {
    let s = journeyReducer(initialJourney(), { type: 'go', screen: 'catalog' });
    s = journeyReducer(s, { type: 'chooseService', service });
    expect(s.screen).toBe('guide');
    s = journeyReducer(s, { type: 'back' });
    expect(s.screen).toBe('catalog');
  });

  it('keeps what the citizen typed over the card prefill, except read-only fields', () => {
    let s = journeyReducer(initialJourney(), { type: 'chooseService', service });
    s = journeyReducer(s, { type: 'setField', id: 'phone', value: '13812348000' });
    s = journeyReducer(s, {
      type: 'identified',
      identity,
      source: 'card',
      prefill: { name: '张小三', phone: '' },
    });
    expect(s.form.phone).toBe('13812348000');
    expect(s.form.name).toBe('张小三');
  });

  it('wipes everything of the citizen on reset', () => {
    let s = identifiedByCard();
    s = journeyReducer(s, { type: 'reset' });
    expect(s).toEqual(initialJourney(1));
    expect(JSON.stringify(s)).not.toContain('张小三');
  });

  it('wipes everything of the citizen on the farewell, and stays there', () => {
    let s = identifiedByCard();
    s = journeyReducer(s, { type: 'farewell' });
    expect(s).toEqual({ ...initialJourney(1), screen: 'goodbye' });
    expect(JSON.stringify(s)).not.toContain('张小三');
    expect(journeyReducer(s, { type: 'back' }).screen).toBe('goodbye');
  });

  it('does not go back past a submission', () => {
    let s = journeyReducer(initialJourney(), { type: 'go', screen: 'review' });
    s = journeyReducer(s, {
      type: 'submitted',
      submitted: {
        result: { envelopeId: 'e', receiptNumber: 'R1', kioskId: 'k', progressUrl: 'u' },
        submittedAt: '2025-01-01T00:00:00Z',
        materialsSubmitted: [],
        materialsMissing: [],
      },
    });
    expect(journeyReducer(s, { type: 'back' }).screen).toBe('submitted');
  });
});
