/**
 * The demo workbook of the browser page (samples/示例-疑似失学儿童个体情况汇总表.xlsx): the
 * official 002 附件4 + 附件5 template filled with synthetic rows (made-up names, computed
 * 身份证 check digits) and a few planted faults. Written by scripts/make-demo.mjs.
 */
import type { CellValue } from '../src/core/model/cell';
import type { SheetGrid } from '../src/core/model/workbook';
import { CATALOGUE } from '../src/core/tables';
import { createWorkbook } from '../src/io/xlsx';
import type { CellSpec } from '../src/io/xlsx/spec';
import { workbookSpec } from '../src/templates/build';
import { wafangdianSheet } from '../bench/generate';

/** Excel rows of the template's 20 data rows. */
const FIRST_ROW = 3;
const ROWS = 20;

export interface PlantedFault {
  /** Excel row. */
  row: number;
  column: string;
  /** Rule prefixes, any of which may report it. */
  rules: string[];
}

/** What the demo's 检查 must find; every other row is clean. */
export const DEMO_FAULTS: PlantedFault[] = [
  { row: 5, column: '身份证', rules: ['idcard.'] },
  { row: 8, column: '性别', rules: ['idcard.gender', 'gender.'] },
  { row: 11, column: '核查结果', rules: ['category.'] },
  { row: 14, column: '复学情况', rules: ['return-status.', 'required.'] },
  { row: 17, column: '身份证', rules: ['duplicate.'] },
  { row: 20, column: '核查结果', rules: ['required.'] },
];

/** Column indexes of the 附件4 template. */
const COL = { serial: 0, county: 3, gender: 5, idcard: 6, result: 8, returned: 9 };

/** The demo's 附件4 as a plain grid: title, header, the data rows with their faults. */
export function demoLedger(): SheetGrid {
  const sheet = wafangdianSheet(ROWS, 7);
  const data = sheet.rows.slice(2, 2 + ROWS);
  const at = (excelRow: number) => data[excelRow - FIRST_ROW]!;
  for (const row of data) row[COL.county] = '瓦房店市';
  const id = (excelRow: number) => String(at(excelRow)[COL.idcard]);
  // A mistyped last digit: the check digit no longer matches.
  const typo = id(5);
  at(5)[COL.idcard] = typo.slice(0, 17) + (typo[17] === '1' ? '2' : '1');
  at(8)[COL.gender] = at(8)[COL.gender] === '男' ? '女' : '男';
  at(11)[COL.result] = '外出打工';
  at(14)[COL.result] = 'K.打工务农';
  at(14)[COL.returned] = null;
  at(17)[COL.idcard] = id(6);
  at(20)[COL.result] = null;
  return { name: '附件4', rows: [...sheet.rows.slice(0, 2), ...data] };
}

export function demoWorkbook(): Uint8Array {
  const fj4 = CATALOGUE.find((d) => d.id === 'wafangdian-individual')!;
  const fj5 = CATALOGUE.find((d) => d.id === 'wafangdian-totals')!;
  const spec = workbookSpec([fj4, fj5], { id: '00000000-0000-0000-0000-000000000000', version: '1.0.0.0' });
  // A demo for the browser page: it does not carry the add-in.
  delete spec.taskpane;
  const sheet = spec.sheets[0]!;
  const values = new Map<string, CellValue>();
  demoLedger()
    .rows.slice(FIRST_ROW - 1)
    .forEach((row, i) => row.forEach((v, c) => values.set(`${FIRST_ROW - 1 + i}:${c}`, v)));
  sheet.cells = sheet.cells.map((cell): CellSpec => {
    const key = `${cell.row}:${cell.col}`;
    return values.has(key) ? { ...cell, value: values.get(key)! } : cell;
  });
  return createWorkbook(spec);
}
