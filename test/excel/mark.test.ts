import { FakeBook, type FakeSheet } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { MARKS } from '../../src/excel/mark';
import { ui } from '../../src/i18n/zh-CN/ui';
import type { Finding, Severity } from '../../src/core/model/finding';

function finding(sheet: string, cell: string, severity: Severity, message = `${cell} 有误`): Finding {
  return { sheet, cell, row: Number(cell.replace(/\D/g, '')), column: '列', rule: 'required.missing', severity, message, fix: '改' };
}

function setup(version = '1.18') {
  const b = new FakeBook(version);
  const s = b.addSheet('附件4', [['姓名', '性别'], ['甲', '男'], ['乙', '']]);
  // The user's own conditional format and note must survive everything.
  s.rules.push({ id: 'user', areas: ['A1:B3'], type: 'CellValue', formula: '', fill: '#00FF00' });
  s.rules.push({ id: 'user2', areas: ['A2'], type: 'Custom', formula: '=A2=""', fill: '#0000FF' });
  s.notes.set('B2', '用户自己的批注');
  b.addSheet('附件5', [['合计', 3]]);
  return { b, s };
}

const ours = (s: FakeSheet) => s.rules.filter((r) => r.formula.includes('baoxue'));

test('marks errors and warnings as rules over the cells, with notes, in 2 syncs after a read', async () => {
  const { b, s } = setup();
  const host = new ExcelHost(b.env());
  await host.readWorkbook();
  const from = b.syncs.length;
  const result = await host.markFindings([
    finding('附件4', 'B3', 'error', '性别未填写'),
    finding('附件4', 'B3', 'warning', '性别可疑'),
    finding('附件4', 'A2', 'warning'),
    finding('附件4', 'A3', 'warning'),
    finding('附件4', 'B2', 'error'),
  ]);
  expect(b.since(from)).toHaveLength(2);
  expect(result).toEqual({ cells: 4, notes: 3, withoutNote: 1 });
  const rules = ours(s);
  expect(rules).toEqual([
    expect.objectContaining({ areas: ['A2:A3'], type: 'Custom', formula: MARKS.warning.formula, fill: MARKS.warning.fill }),
    expect.objectContaining({ areas: ['B2:B3'], type: 'Custom', formula: MARKS.error.formula, fill: MARKS.error.fill }),
  ]);
  expect(s.notes.get('B3')).toBe(`${ui.mark.notePrefix}性别未填写\n性别可疑`);
  expect(s.notes.get('B2')).toBe('用户自己的批注');
  expect([...s.notes.keys()].sort()).toEqual(['A2', 'A3', 'B2', 'B3']);
});

test('marking again replaces our marks; clearing leaves exactly what the user had', async () => {
  const { b, s } = setup();
  const host = new ExcelHost(b.env());
  const before = { rules: structuredClone(s.rules), notes: new Map(s.notes) };
  await host.markFindings([finding('附件4', 'B3', 'error'), finding('附件5', 'B1', 'warning')]);
  await host.markFindings([finding('附件4', 'A3', 'warning')]);
  expect(ours(s).map((r) => r.areas)).toEqual([['A3']]);
  expect(ours(b.sheet('附件5'))).toEqual([]);
  expect([...s.notes.keys()].sort()).toEqual(['A3', 'B2']);
  await host.clearMarks();
  expect(s.rules).toEqual(before.rules);
  expect(s.notes).toEqual(before.notes);
  expect(b.sheet('附件5').rules).toEqual([]);
});

test('a sheet deleted since the last read does not stop marking', async () => {
  const { b, s } = setup();
  const host = new ExcelHost(b.env());
  await host.readWorkbook();
  b.sheets = b.sheets.filter((x) => x.name !== '附件5');
  const result = await host.markFindings([finding('附件4', 'A2', 'error'), finding('附件5', 'A1', 'error')]);
  expect(result.cells).toBe(1);
  expect(ours(s).map((r) => r.areas)).toEqual([['A2']]);
});

test('a sheet added since the last read is cleared too', async () => {
  const { b } = setup();
  const host = new ExcelHost(b.env());
  await host.readWorkbook();
  const added = b.addSheet('新表', [['x']]);
  added.rules.push({ id: 'old', areas: ['A1'], type: 'Custom', formula: MARKS.error.formula, fill: MARKS.error.fill });
  await host.clearMarks();
  expect(added.rules).toEqual([]);
});

test('before ExcelApi 1.18 there are no notes; before 1.9 one rule per range', async () => {
  const { b, s } = setup('1.8');
  const result = await new ExcelHost(b.env()).markFindings([finding('附件4', 'A2', 'error'), finding('附件4', 'B3', 'error')]);
  expect(result).toEqual({ cells: 2, notes: 0, withoutNote: 2 });
  expect(ours(s).map((r) => r.areas)).toEqual([['A2'], ['B3']]);
  expect(s.notes.size).toBe(1);
});

test('long address lists are split into getRanges calls under 8,000 characters', async () => {
  const b = new FakeBook();
  const s = b.addSheet('大表', [['x']]);
  // Every other row, so no two cells join into one range.
  const findings = Array.from({ length: 3000 }, (_, i) => finding('大表', `C${2 * i + 2}`, 'error'));
  await new ExcelHost(b.env()).markFindings(findings);
  const rules = ours(s);
  expect(rules.length).toBeGreaterThan(1);
  for (const r of rules) expect(r.areas.join(',').length).toBeLessThanOrEqual(8000);
  expect(rules.flatMap((r) => r.areas)).toHaveLength(3000);
});

test('Excel versions without conditional formats get a Chinese error', async () => {
  const { b } = setup('1.5');
  await expect(new ExcelHost(b.env()).markFindings([])).rejects.toThrow(ui.errors.markUnsupported);
});

test('an office.js without the Note API (ExcelApi 1.18 reported, ws.notes undefined) still marks every cell', async () => {
  // The npm @microsoft/office-js 1.1.110 predates notes (docs/excel/excel-add-ins-notes.md, ExcelApi 1.18).
  const { b, s } = setup('1.18');
  b.notesApi = false;
  const host = new ExcelHost(b.env());
  const result = await host.markFindings([finding('附件4', 'B3', 'error'), finding('附件4', 'A2', 'warning')]);
  expect(result).toEqual({ cells: 2, notes: 0, withoutNote: 2 });
  expect(ours(s).map((r) => r.areas)).toEqual([['A2'], ['B3']]);
  expect(s.notes).toEqual(new Map([['B2', '用户自己的批注']]));
  await host.clearMarks();
  expect(ours(s)).toEqual([]);
});
