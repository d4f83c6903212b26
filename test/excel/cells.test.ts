import { isDateFormat, keepAsText, toCellValue, toExcelInput } from '../../src/excel/cells';
import { areasOf, cellRuns, chunkAddresses } from '../../src/excel/addresses';

test.each([
  ['yyyy-mm-dd', true],
  ['yyyy"年"m"月"d"日"', true],
  ['[$-804]yyyy年m月d日', true],
  ['[DBNum1][$-804]yyyy"年"m"月"', true],
  ['m/d/yy h:mm', true],
  ['mmm-yy', true],
  ['General', false],
  ['@', false],
  ['0.00', false],
  ['0.00E+00', false],
  ['#,##0_);[Red](#,##0)', false],
  ['h:mm:ss', false],
  ['[h]:mm', false],
  ['mm:ss', false],
  ['h:mm AM/PM', false],
  ['"day "0', false],
])('isDateFormat(%s) is %s', (format, expected) => {
  expect(isDateFormat(format)).toBe(expected);
});

test('values become core cells: empty is null, dates by format, errors typed', () => {
  expect(toCellValue('', 'General')).toBeNull();
  expect(toCellValue(45000, 'yyyy/m/d')).toEqual({ t: 'date', serial: 45000 });
  expect(toCellValue(45000, 'General')).toBe(45000);
  expect(toCellValue('#DIV/0!', 'General')).toEqual({ t: 'error', code: '#DIV/0!' });
  expect(toCellValue('张三', '@')).toBe('张三');
});

test('text Excel would reinterpret keeps an apostrophe; plain text does not', () => {
  for (const s of ['0012', '1,234', '50%', '2024-05-01', '2024年5月', '5月1日', '12:30', '=SUM(A1)', '-', 'TRUE', '1e5', "'x"]) {
    expect([s, keepAsText(s)]).toEqual([s, `'${s}`]);
  }
  for (const s of ['张三', '辽宁省大连市', 'A.户籍原因', '第3次', '210281200501010011X']) expect(keepAsText(s)).toBe(s);
  expect(toExcelInput('0012', true)).toBe('0012');
  expect(toExcelInput({ t: 'date', serial: 45000 })).toBe(45000);
  expect(toExcelInput(null)).toBe('');
});

test('cells join into column runs and address chunks stay short', () => {
  const cells = [5, 6, 7, 9].map((row) => ({ row, col: 1 })).concat([{ row: 0, col: 0 }]);
  expect(cellRuns(cells)).toEqual(['A1', 'B6:B8', 'B10']);
  const chunks = chunkAddresses(Array.from({ length: 1000 }, (_, i) => `AB${i * 2 + 1}`), 100);
  expect(chunks.every((c) => c.length <= 100)).toBe(true);
  expect(chunks.join(',').split(',')).toHaveLength(1000);
});

test('RangeAreas addresses lose their sheet names, however quoted', () => {
  expect(areasOf("Sheet1!A1:B2, 'a,b''s'!$C$3, 附件4!D4")).toEqual(['A1:B2', 'C3', 'D4']);
});
