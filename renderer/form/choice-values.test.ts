import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceValues, toggleChoice } from './choice-values';

describe('choices with several answers', () => {
  it('adds and removes answers, keeping the options order', () => {
    const order = ['birth', 'vaccination', 'hukou'];
    let value = '';
    value = toggleChoice(value, 'hukou', order);
    value = toggleChoice(value, 'birth', order);
    expect(choiceValues(value)).toEqual(['birth', 'hukou']);
    value = toggleChoice(value, 'hukou', order);
    expect(choiceValues(value)).toEqual(['birth']);
    expect(choiceValues('')).toEqual([]);
  });

  it('toggling an answer twice gives the same answers back', () => {
    const order = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(fc.subarray(order), fc.constantFrom(...order), (chosen, option) => {
        const value = chosen.join('\n');
        expect(
          choiceValues(toggleChoice(toggleChoice(value, option, order), option, order)),
        ).toEqual(chosen);
      }),
    );
  });
});
