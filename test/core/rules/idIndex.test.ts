import { IdIndex } from '../../../src/core/rules/idIndex';

/** The same answers as a Map of strings would give. */
function againstMap(keys: string[], expected?: number) {
  const index = new IdIndex<number>(expected);
  const map = new Map<string, number>();
  keys.forEach((k, i) => {
    const expected = map.get(k);
    if (expected === undefined) map.set(k, i);
    expect(index.firstOrAdd(k, i)).toBe(expected);
  });
}

describe('IdIndex', () => {
  it('gives the first value of a repeated 18-character key, and nothing for a new one', () => {
    const index = new IdIndex<string>();
    expect(index.firstOrAdd('11010519491231002X', 'a')).toBeUndefined();
    expect(index.firstOrAdd('110105194912310021', 'b')).toBeUndefined();
    expect(index.firstOrAdd('11010519491231002X', 'c')).toBe('a');
    expect(index.firstOrAdd('110105194912310021', 'd')).toBe('b');
  });

  it('tells apart keys that differ only in their check character or a middle digit', () => {
    const base = '21028120030405123';
    againstMap([...'0123456789X'].map((c) => base + c).concat([...'0123456789X'].map((c) => base + c)));
    againstMap(['210281200304051230', '210281200304051330', '210281200304051230', '310281200304051230']);
  });

  it('keeps 15-digit and other keys apart from 18-character ones', () => {
    againstMap(['110105491231002', '110105491231002', '110105194912310021', 'abc', 'abc', '11010519491231002x']);
    // ':' follows '9': it is not a check character, nor the same key as X.
    againstMap(['11010519491231002X', '11010519491231002:', '11010519491231002:', '1101051949123100:X', '11010519491231002X']);
  });

  it('firstOrAddPlain takes plain 18-character keys only, sharing them with firstOrAdd', () => {
    const index = new IdIndex<string>();
    for (const k of ['11010519491231002x', '１１０１０５１９４９１２３１００２Ｘ', '110105491231002', ' 11010519491231002X', '']) {
      expect(index.firstOrAddPlain(k, 'a')).toBeNull();
      expect(index.firstOrAdd(k, 'b')).toBeUndefined(); // nothing was stored by the refused call
    }
    expect(index.firstOrAddPlain('11010519491231002X', 'c')).toBeUndefined();
    expect(index.firstOrAdd('11010519491231002X', 'd')).toBe('c');
    expect(index.firstOrAddPlain('11010519491231002X', 'e')).toBe('c');
  });

  it('stays right as it grows past its first table', () => {
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) keys.push(`4501021990${String(i % 3700).padStart(7, '0')}${i % 11 === 10 ? 'X' : i % 10}`);
    againstMap(keys);
  });

  it('gives the same answers when sized beforehand for its keys', () => {
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) keys.push(`4501021990${String(i % 3700).padStart(7, '0')}${i % 11 === 10 ? 'X' : i % 10}`);
    againstMap(keys, keys.length);
  });
});
