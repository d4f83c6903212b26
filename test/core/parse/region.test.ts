import { regionKnown, regionOf } from '../../../src/core/parse/region';
import { REGION_CODES } from '../../../src/core/data/regions';

describe('regionKnown (GB/T 2260, current and retired)', () => {
  test('the data is a sorted run of distinct six-digit codes, tens of KB', () => {
    expect(REGION_CODES.length % 6).toBe(0);
    expect(REGION_CODES).toMatch(/^\d+$/);
    const codes = REGION_CODES.match(/\d{6}/g)!;
    expect(codes.length).toBeGreaterThan(6000);
    expect(REGION_CODES.length).toBeLessThan(60_000);
    for (let i = 1; i < codes.length; i++) expect(codes[i - 1]! < codes[i]!).toBe(true);
  });

  test.each([
    ['110105', '北京市朝阳区'],
    ['440524', '汕头市潮阳县 (retired, the standard’s test vector)'],
    ['360704', '赣州市赣县区 (since 2016)'],
    ['360721', '赣县 (retired 2016)'],
    ['210281', '瓦房店市'],
    ['110103', '崇文区 (retired 2010)'],
    ['441900', '东莞市 (no county level)'],
    ['810000', '香港 (居住证)'],
  ])('%s (%s) is known', (code) => {
    expect(regionKnown(code)).toBe('known');
  });

  test('an unlisted county of a real province is province-only; a bad province is unknown', () => {
    expect(regionKnown('110199')).toBe('province-only');
    expect(regionKnown('360799')).toBe('province-only');
    expect(regionKnown('990101')).toBe('unknown');
    expect(regionKnown('000000')).toBe('unknown');
    expect(regionKnown('11010')).toBe('unknown');
    expect(regionKnown('11010X')).toBe('unknown');
  });

  test('regionOf judges the 地址码 spelt by a number as regionKnown does, once per code', () => {
    for (const code of ['110105', '440524', '110199', '990101', '000000', '010203']) {
      const r = regionOf(Number(code));
      expect(r).toEqual({ code, status: regionKnown(code) });
      expect(regionOf(Number(code))).toBe(r);
    }
  });
});
