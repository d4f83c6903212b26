import { firstOfPairs } from '../../../src/core/rules/idIndex';

/** The first earlier index of each key as a Map of strings gives it, −1 for a first one or no key. */
function byMap(keys: ([number, number] | null)[]): number[] {
  const map = new Map<string, number>();
  return keys.map((k, i) => {
    if (k === null) return -1;
    const first = map.get(`${k[0]},${k[1]}`);
    if (first === undefined) map.set(`${k[0]},${k[1]}`, i);
    return first ?? -1;
  });
}

function firstOf(keys: ([number, number] | null)[]): number[] {
  const high = new Int32Array(keys.length);
  const low = new Int32Array(keys.length);
  keys.forEach((k, i) => {
    high[i] = k ? k[0] : -1;
    low[i] = k ? k[1] : -1;
  });
  return [...firstOfPairs(high, low, keys.length)];
}

describe('firstOfPairs', () => {
  it('names the first index of a repeated pair, however often it comes back', () => {
    expect(firstOf([[1, 2], [3, 4], [1, 2], [1, 2], [3, 4]])).toEqual([-1, -1, 0, 0, 1]);
  });

  it('tells apart pairs that share one of their integers', () => {
    const keys: [number, number][] = [[7, 1], [1, 7], [7, 7], [1, 1], [7, 1], [1, 7], [0, 0], [0, 1], [0, 0]];
    expect(firstOf(keys)).toEqual(byMap(keys));
  });

  it('skips indexes without a key: they neither repeat nor are repeated', () => {
    expect(firstOf([null, [5, 5], null, [5, 5], null])).toEqual([-1, -1, -1, 1, -1]);
  });

  it('agrees with a Map on many keys of 身份证号 size that collide in its slots', () => {
    const keys: [number, number][] = [];
    for (let i = 0; i < 20_000; i++) keys.push([360704000 + (i % 7_001), 201205061 * 11 + (i % 11)]);
    expect(firstOf(keys)).toEqual(byMap(keys));
  });
});
