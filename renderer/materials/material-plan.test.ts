import { describe, expect, it } from 'vitest';
import { demoServices } from '../dev/demo-catalog';
import { deadlineAfterWorkingDays, materialsToCapture, openMaterials } from './material-plan';

const residence = demoServices.find((s) => s.code === '000104113000')!;
const business = demoServices.find((s) => s.code === '000148001000')!;

describe('material plan', () => {
  it('captures neither the ID card nor electronic nor promised materials', () => {
    expect(materialsToCapture(residence).map((m) => m.id)).toEqual([
      'photo',
      'residence-proof',
      'work-study-proof',
    ]);
    expect(materialsToCapture(business)).toEqual([]);
  });

  it('counts a deferred material as handled', () => {
    const open = openMaterials(residence, {
      'work-study-proof': { kind: 'deferred', deadline: '2025-01-10' },
    });
    expect(open.map((m) => m.id)).toEqual(['photo', 'residence-proof']);
  });

  it('skips weekends when counting working days', () => {
    // Friday 2025-01-03 + 1 working day = Monday 2025-01-06.
    expect(deadlineAfterWorkingDays(new Date(2025, 0, 3), 1)).toBe('2025-01-06');
    expect(deadlineAfterWorkingDays(new Date(2025, 0, 6), 10)).toBe('2025-01-20');
  });
});
