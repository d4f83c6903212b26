import type { CellValue } from '../../../src/core/model/cell';
import { sheet, workbook } from '../../helpers/grid';

/** 000 附件1 as schools fill it: title, header, then children. Names and numbers are made up. */
export const DROPOUT_HEADER = ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学\n原因', '劝返过程\n记录', '劝返\n责任人', '劝返结果', '备注'];

export function dropoutRow(serial: number, name: string, school: string | null, result: string | null): CellValue[] {
  return ['城关区', serial, name, '男', school, null, '某村1号', '厌学', '1.6月1日王老师入户，家长同意', '王老师', result, '普通学生'];
}

export function dropoutWorkbook(rows: CellValue[][]) {
  return workbook(sheet('统计表', [['失学辍学儿童少年统计表'], DROPOUT_HEADER, ...rows]));
}

/** Rows of a 失学辍学儿童少年统计表: Excel rows 3.. in order. */
export const DROPOUT_ROWS = [
  dropoutRow(1, '甲一', '红旗小学', '1.已复学'), // row 3
  dropoutRow(2, '甲二', '城关一小', '2.尚未复学，拟于12月19日返校复学'), // row 4
  dropoutRow(3, '甲三', null, '2.尚未复学，拟于12月21日返校复学'), // row 5: no school
  dropoutRow(4, '甲四', '育才中学', null), // row 6: result not recorded
  dropoutRow(5, '  甲 五 ', '育才中学', '已复学'), // row 7
];
