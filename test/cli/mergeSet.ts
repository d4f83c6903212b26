import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/model/cell';
import { encryptWorkbook } from '../../src/io/encrypt/agile';
import { childId, LEDGER_HEADER, ledgerRecord } from '../core/merge/fixtures';

type Plain = string | number | null;

async function xlsx(sheets: { name: string; rows: Plain[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function table(order: string[], records: Record<string, CellValue>[]): Plain[][] {
  return records.map((r) => order.map((h) => (r[h] ?? null) as Plain));
}

const records = (school: number, count: number, name: string) => Array.from({ length: count }, (_, i) => ledgerRecord(school, i + 1, name));

/** What a set holds: rows the merge must write, the files it must leave out, the child in two schools. */
export interface MergeSetKey {
  rowsTotal: number;
  /** Rows of the other table (摸排表), which merges on its own sheet. */
  surveyRows: number;
  rejected: string[];
  duplicateId: string;
}

/**
 * A county's worth of school workbooks, each filled its own way: headers on different rows,
 * columns in another order, an extra column, a broken file, an old .xls, a foreign workbook,
 * another table (merged on its own), an encrypted file, and one child reported by two schools.
 */
export async function writeMergeSet(dir: string): Promise<MergeSetKey> {
  fs.mkdirSync(dir, { recursive: true });
  const put = (name: string, bytes: Uint8Array) => fs.writeFileSync(path.join(dir, name), bytes);

  const first = await xlsx([{ name: '附件1', rows: [['失学辍学儿童少年统计表'], LEDGER_HEADER, ...table(LEDGER_HEADER, records(1, 3, '城关第一小学')), ['单位：城关一小', null, '填报人：']] }]);
  put('01_城关第一小学.xlsx', first);

  const withExtra = [...LEDGER_HEADER.slice(0, 6), '联系电话', ...LEDGER_HEADER.slice(6)];
  const second = records(2, 4, '城关第二小学');
  second[2]!['联系电话'] = '13800000000';
  put('02_城关第二小学.xlsx', await xlsx([{ name: '统计表', rows: [['城关区失学辍学儿童少年统计表'], [], ['填报单位：城关二小'], [], withExtra, ...table(withExtra, second)] }]));

  const shuffled = ['姓名', '序号', '身份证号', '性别', '区县', '所在学校', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'];
  const third = records(3, 2, '城关中学');
  third[1]!['身份证号'] = childId(1, 2);
  put('03_城关中学.xlsx', await xlsx([{ name: 'Sheet1', rows: [shuffled, ...table(shuffled, third)] }]));

  put('04_损坏的文件.xlsx', first.subarray(0, Math.floor(first.length / 2)));
  put('05_成绩表.xlsx', await xlsx([{ name: '成绩', rows: [['学号', '姓名', '语文', '数学'], [1, '甲', 90, 95]] }]));
  put('06_旧版.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
  put('07_摸排表.xlsx', await xlsx([{ name: '附件2', rows: [['序号', '学校', '失学学生姓名', '性别', '摸排时间', '具体情况', '劝返责任人', '备注'], [1, '某校', '乙', '男', '2026-05-01', '外出务工', '李老师', '普通学生']] }]));
  put('08_加密.xlsx', encryptWorkbook(first, '123456'));
  fs.writeFileSync(path.join(dir, '说明.txt'), '这些是各校上报的表格');

  return {
    rowsTotal: 3 + 4 + 2,
    surveyRows: 1,
    rejected: ['04_损坏的文件.xlsx', '05_成绩表.xlsx', '06_旧版.xls', '08_加密.xlsx'],
    duplicateId: childId(1, 2),
  };
}
