import fc from 'fast-check';
import { NumberIndex } from '../../../src/core/model/numberIndex';

describe('NumberIndex', () => {
  test('answers as a Map keyed by group and number, through growth and colliding numbers', () => {
    const number = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.integer(), fc.constantFrom(4294967296 + 3, 3, 2 ** 53 - 1, -0, 1e300));
    const op = fc.record({ group: fc.integer({ min: 0, max: 4 }), n: number, value: fc.integer({ min: 1, max: 2 ** 31 - 1 }), set: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.nat(50), (ops, expected) => {
        const index = new NumberIndex(expected);
        const map = new Map<string, number>();
        // Object.is would part -0 from 0; the index, like a Map, does not.
        const key = (g: number, n: number) => `${g}:${n === 0 ? 0 : n}`;
        for (const { group, n, value, set } of ops) {
          if (set) {
            index.set(group, n, value);
            map.set(key(group, n), value);
          }
          expect(index.get(group, n)).toBe(map.get(key(group, n)));
        }
      }),
    );
  });

  test('a number seen in one group is not seen in another', () => {
    const index = new NumberIndex();
    index.set(0, 1047, 5);
    expect(index.get(0, 1047)).toBe(5);
    expect(index.get(1, 1047)).toBeUndefined();
    expect(index.get(0, 1047 + 4294967296)).toBeUndefined();
  });
});
