import type { CellValue } from '../../../src/core/model/cell';
import { sheet, withCheckDigit } from '../../helpers/grid';

/** 000 附件1 in its official column order. */
export const LEDGER_HEADER = ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'];

/** A synthetic 身份证号, distinct for each (school, n). */
export function childId(school: number, n: number): string {
  return withCheckDigit(`210281200805${String(school).padStart(2, '0')}${String(n).padStart(3, '0')}`);
}

/** A row of 附件1 by header label, so tests can put the columns in any order. */
export function ledgerRecord(school: number, n: number, schoolName: string): Record<string, CellValue> {
  return {
    区县: '城关区',
    序号: n,
    姓名: `学生${school}-${n}`,
    性别: n % 2 ? '男' : '女',
    所在学校: schoolName,
    身份证号: childId(school, n),
    家庭住址: `某村${n}组`,
    失学辍学原因: '厌学',
    劝返过程记录: '1.2026年6月1日王老师入户，家长同意返校',
    劝返责任人: '王老师',
    劝返结果: '已复学',
    备注: '普通学生',
  };
}

/** A school's sheet: `above` rows of title and preamble, the header in `order`, then the rows. */
export function schoolSheet(order: string[], records: Record<string, CellValue>[], above: CellValue[][] = [['失学辍学儿童少年统计表']]) {
  return sheet('附件1', [...above, order, ...records.map((r) => order.map((h) => r[h] ?? null)), ['单位：', null, '填报人：']]);
}
