import fc from 'fast-check';
import { idCardSlot, idCheckDigit, parseIdCard, type IdIssue } from '../../../src/core/parse/idcard';
import type { CellValue } from '../../../src/core/model/cell';
import { syntheticId, withCheckDigit } from '../rules/rowFixture';

const codes = (v: CellValue) => parseIdCard(v).issues.map((i) => i.code);
const issue = <C extends IdIssue['code']>(v: CellValue, code: C) =>
  parseIdCard(v).issues.find((i): i is Extract<IdIssue, { code: C }> => i.code === code);

describe('parseIdCard: GB 11643 numbers', () => {
  test('the standard test vectors are valid', () => {
    for (const id of ['11010519491231002X', '440524188001010014']) {
      const r = parseIdCard(id);
      expect(r).toMatchObject({ valid: true, normalized: id, issues: [] });
    }
    expect(parseIdCard('11010519491231002X')).toMatchObject({ birth: '1949-12-31', male: false, region: '110105' });
    expect(parseIdCard('440524188001010014')).toMatchObject({ birth: '1880-01-01', male: true });
  });

  test('check digits agree with an independent implementation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        expect(body + idCheckDigit(body)).toBe(withCheckDigit(body));
      }),
    );
  });

  test('the parser judges check digits as an independent implementation does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.constantFrom(...'0123456789X'), (body, last) => {
        const right = withCheckDigit(body);
        const checksum = issue(body + last, 'checksum') ?? issue(body + last, 'precision-lost');
        if (last === right[17]) expect(checksum).toBeUndefined();
        else expect(checksum).toEqual(body.endsWith('00') && last === '0' ? { code: 'precision-lost', cause: 'zeroed' } : { code: 'checksum', expected: right[17] });
      }),
    );
  });

  test('a body that is not 17 digits has no check digit', () => {
    for (const body of ['1101051949123100A', '11010519491231', '１１０１０５１９４９１２３１００２', '']) expect(idCheckDigit(body)).toBeNull();
  });

  test('every real birth date is read, as yyyy-mm-dd, the same text for two numbers born the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (date, male) => {
        const birth = date.toISOString().slice(0, 10);
        const r = parseIdCard(syntheticId(birth, male, '110105'));
        expect(r).toMatchObject({ valid: true, birth, male, region: '110105', issues: [] });
        expect(parseIdCard(syntheticId(birth, !male, '210281')).birth).toBe(birth);
      }),
    );
  });

  test('a wrong check digit reports the right one', () => {
    expect(issue('110105194912310021', 'checksum')).toEqual({ code: 'checksum', expected: 'X' });
    const good = syntheticId('2012-05-06', true);
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(issue(bad, 'checksum')).toEqual({ code: 'checksum', expected: good[17] });
  });

  test('sex comes from the 17th digit', () => {
    expect(parseIdCard(syntheticId('2012-05-06', true)).male).toBe(true);
    expect(parseIdCard(syntheticId('2012-05-06', false)).male).toBe(false);
  });

  test('impossible birth dates are refused even with a right check digit', () => {
    for (const birth of ['20110230', '20111301', '20110000', '17991231']) {
      const id = withCheckDigit('360704' + birth + '013');
      expect(codes(id)).toEqual(['birthdate']);
      expect(parseIdCard(id).birth).toBeUndefined();
    }
    expect(codes(withCheckDigit('36070420130229013'))).toEqual(['birthdate']);
    expect(codes(withCheckDigit('36070420120229013'))).toEqual([]);
  });

  test('unknown region codes are a separate finding, retired ones are known', () => {
    expect(codes(syntheticId('2010-01-01', true, '360721'))).toEqual([]); // 赣县, before 2016
    expect(issue(syntheticId('2010-01-01', true, '360799'), 'region')).toEqual({ code: 'region', status: 'province-only' });
    expect(issue(syntheticId('2010-01-01', true, '990101'), 'region')).toEqual({ code: 'region', status: 'unknown' });
  });
});

describe('parseIdCard: what Excel and clerks do to numbers', () => {
  const id = syntheticId('2013-07-09', false);

  test('a number cell has lost its last digits', () => {
    expect(issue(Number(id.slice(0, 17)) * 10, 'precision-lost')).toEqual({ code: 'precision-lost', cause: 'number' });
    expect(issue(2.102812003051582e17, 'precision-lost')?.cause).toBe('number');
    expect(parseIdCard(4.50102e17).normalized).toBeNull();
  });

  test('scientific notation text has lost its last digits', () => {
    for (const s of ['4.50102E+17', '4.50102e+17', '4.50102E17', ' 4.50102E+17 ']) {
      expect(issue(s, 'precision-lost')).toEqual({ code: 'precision-lost', cause: 'scientific' });
    }
  });

  test('an 18-digit text ending in 000 with a wrong check digit is a number turned back into text', () => {
    const zeroed = id.slice(0, 15) + '000';
    expect(idCheckDigit(zeroed)).not.toBe('0');
    expect(codes(zeroed)).toEqual(['precision-lost']);
  });

  test('lowercase x, full-width characters, spaces and quotes are read but reported', () => {
    const x = '11010519491231002x';
    expect(parseIdCard(x)).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(issue(x, 'normalise')?.changes).toEqual(['lowercase-x']);
    const wide = id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseIdCard(wide)).toMatchObject({ valid: true, normalized: id });
    expect(issue(wide, 'normalise')?.changes).toEqual(['full-width']);
    expect(parseIdCard('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    for (const messy of [` ${id} `, `${id.slice(0, 6)} ${id.slice(6)}`, `${id}\u00a0`, `\u3000${id}`]) {
      expect(parseIdCard(messy)).toMatchObject({ valid: true, normalized: id });
      expect(issue(messy, 'normalise')?.changes).toEqual(['spaces']);
    }
    for (const quoted of [`'${id}`, `"${id}"`, `‘${id}’`]) {
      expect(parseIdCard(quoted)).toMatchObject({ valid: true, normalized: id });
      expect(issue(quoted, 'normalise')?.changes).toEqual(['quotes']);
    }
  });

  test('a clean number has no normalise finding', () => {
    expect(codes(id)).toEqual([]);
  });

  test('15-digit first-generation numbers are flagged with the check digit of their 18-digit form', () => {
    const old = '110105491231002';
    expect(issue(old, 'legacy-15')).toEqual({ code: 'legacy-15', checkDigit: 'X' });
    expect(parseIdCard(old)).toMatchObject({ normalized: old, valid: false });
    const upgraded = withCheckDigit('44052419800101001');
    expect(issue(440524800101001, 'legacy-15')).toEqual({ code: 'legacy-15', checkDigit: upgraded[17] });
  });

  test('15 digits that are the start of a child’s 18-digit number are a cut-off number', () => {
    expect(issue(id.slice(0, 15), 'format')).toEqual({ code: 'format', cause: 'truncated', length: 15 });
  });

  test('other lengths and characters are format errors', () => {
    expect(issue(id.slice(0, 17), 'format')).toEqual({ code: 'format', cause: 'length', length: 17 });
    expect(issue(id + '1', 'format')).toEqual({ code: 'format', cause: 'length', length: 19 });
    expect(issue('不详', 'format')?.cause).toBe('characters');
    expect(issue(id.slice(0, 10) + 'A' + id.slice(11), 'format')?.cause).toBe('characters');
    expect(issue({ t: 'date', serial: 45000 }, 'format')?.cause).toBe('not-text');
    expect(issue({ t: 'error', code: '#N/A' }, 'format')?.cause).toBe('not-text');
    expect(issue(true, 'format')?.cause).toBe('not-text');
  });

  test('empty cells are not the parser’s business', () => {
    for (const v of [null, '', '   ', '\u3000']) expect(parseIdCard(v)).toEqual({ normalized: null, issues: [], valid: false });
  });
});

describe('parseIdCard: the number as two integers (digitsHigh, digitsLow)', () => {
  const pair = (v: CellValue) => {
    const r = parseIdCard(v);
    return r.digitsHigh === undefined ? undefined : [r.digitsHigh, r.digitsLow];
  };

  test('given for any 17 digits and a digit or X, right or wrong, and for what cleaning leaves', () => {
    expect(pair('11010519491231002X')).toEqual([110105002, 19491231 * 11 + 10]);
    expect(pair('110105194912310021')).toEqual([110105002, 19491231 * 11 + 1]); // wrong check digit
    expect(pair('110105194913310021')).toEqual([110105002, 19491331 * 11 + 1]); // no such date
    expect(pair(' 11010519491231002x')).toEqual(pair('11010519491231002X'));
  });

  test('not given for 15 digits, other lengths, numbers past 15 digits or empty cells', () => {
    for (const v of ['110105491231002', '1101051949123100', '不详', 110105194912310000, null, '']) expect(pair(v)).toBeUndefined();
  });

  test('equal pairs exactly when the 18 characters are equal', () => {
    // A number and the same with one character set anew (often to what it was).
    const chars = '0123456789X';
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.constantFrom(...chars), fc.nat(17), fc.nat(10), (body, last, at, c) => {
        const a = body + last;
        const b = a.slice(0, at) + (at === 17 ? chars[c]! : String(c % 10)) + a.slice(at + 1);
        const [p, q] = [pair(a)!, pair(b)!];
        expect(p[0] === q[0] && p[1] === q[1]).toBe(a === b);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseIdCard into a slot (rowIdCard parses a row after row into one object)', () => {
  const cells: fc.Arbitrary<CellValue> = fc.oneof(
    // Right numbers of different regions, births and sexes (the case written into the slot).
    fc
      .record({ day: fc.integer({ min: 0, max: 20_000 }), male: fc.boolean(), region: fc.constantFrom('360704', '110105', '210281', '999999') })
      .map(({ day, male, region }) => syntheticId(new Date(Date.UTC(1970, 0, 1 + day)).toISOString().slice(0, 10), male, region)),
    fc.stringMatching(/^\d{17}$/).map(withCheckDigit),
    fc.stringMatching(/^[\d xX０-９Ｘ'"\u3000]{14,20}$/),
    fc.constantFrom('11010519491231002X', ' 11010519491231002x', '110105491231002', '不详', '', null),
    fc.integer(),
  );

  test('answers what a fresh parse answers, whatever the slot held before', () => {
    const slot = idCardSlot();
    fc.assert(
      fc.property(fc.array(cells, { minLength: 1, maxLength: 6 }), (values) => {
        for (const v of values) expect({ ...parseIdCard(v, slot) }).toEqual({ ...parseIdCard(v) });
      }),
      { numRuns: 500 },
    );
  });

  test('a right number is written into the slot; anything else is a new answer, the slot left alone', () => {
    const slot = idCardSlot();
    expect(parseIdCard('11010519491231002X', slot)).toBe(slot);
    const wrong = parseIdCard('110105194912310021', slot);
    expect(wrong).not.toBe(slot);
    expect(slot).toMatchObject({ normalized: '11010519491231002X', valid: true });
  });
});

describe('parseIdCard never throws', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^[\d xX０-９Ｘ'"\u3000.E+-]{0,22}$/),
    fc.double(),
    fc.integer(),
    fc.bigInt({ min: 0n, max: 10n ** 19n }).map(Number),
    fc.boolean(),
    fc.constant(null),
    fc.double().map((serial) => ({ t: 'date' as const, serial })),
    fc.string().map((code) => ({ t: 'error' as const, code })),
  );

  test('for any cell value', () => {
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseIdCard(v);
        expect(Array.isArray(r.issues)).toBe(true);
        if (r.valid) expect(r.normalized).toMatch(/^\d{17}[\dX]$/);
      }),
      { numRuns: 3000 },
    );
  });
});
