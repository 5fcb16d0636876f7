import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterList, valuesRows } from './sql-parameters';

describe('parameterList', () => {
  it('numbers from one, or after the parameters before it', () => {
    expect(parameterList(3)).toBe('$1, $2, $3');
    expect(parameterList(2, 3)).toBe('$4, $5');
    expect(parameterList(0, 7)).toBe('');
  });
});

describe('valuesRows', () => {
  it('numbers row by row', () => {
    expect(valuesRows(2, 3)).toBe('($1, $2, $3), ($4, $5, $6)');
  });

  it('uses each parameter once, in order, for any shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 15 }),
        (rows, cols) => {
          const numbers = [...valuesRows(rows, cols).matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
          expect(numbers).toEqual(Array.from({ length: rows * cols }, (_, i) => i + 1));
          expect(valuesRows(rows, cols).split('), (')).toHaveLength(rows);
        },
      ),
    );
  });
});
