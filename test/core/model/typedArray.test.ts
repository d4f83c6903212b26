import { grown } from '../../../src/core/model/typedArray';

describe('grown', () => {
  test('keeps the entries, of the same kind of array, the new ones set to fill', () => {
    const a = Int32Array.from([3, -4, 5]);
    const b = grown(a, 6, -1);
    expect(b).toBeInstanceOf(Int32Array);
    expect([...b]).toEqual([3, -4, 5, -1, -1, -1]);
    expect([...a]).toEqual([3, -4, 5]);
  });

  test('zero by default, for every kind the core grows', () => {
    expect([...grown(Float64Array.from([0.5, NaN]), 3)]).toEqual([0.5, NaN, 0]);
    expect([...grown(Uint16Array.from([0x4e00]), 2)]).toEqual([0x4e00, 0]);
    expect(grown(Uint16Array.from([1]), 2)).toBeInstanceOf(Uint16Array);
    expect([...grown(Uint8Array.from([1, 2]), 4)]).toEqual([1, 2, 0, 0]);
  });
});
