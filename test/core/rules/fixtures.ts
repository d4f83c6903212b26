import type { CellValue } from '../../../src/core/model/cell';
import { sheet, withCheckDigit } from '../../helpers/grid';

export const WAFANGDIAN_HEADER = ['原始序号\n（不要删除）', '省份', '地市', '区县', '姓名', '性别', '身份证', '户籍地', '核查结果\n（选择下拉框）', '复学情况', '备注'];

/** A synthetic 附件4 row: a boy born 2006-05-01 unless told otherwise. */
export function wafangdianRow(serial: number, over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    serial,
    province: '辽宁省',
    city: '大连市',
    county: '瓦房店市',
    name: `学生${serial}`,
    gender: '男',
    idcard: withCheckDigit(`21028120060501${String(100 + serial * 2 + 1).slice(-3)}`),
    hukou: '辽宁省瓦房店市李官镇',
    checkResult: 'K.打工务农',
    returnStatus: '是',
    remark: '钟洋、岳明',
    ...over,
  };
  return [base.serial!, base.province!, base.city!, base.county!, base.name!, base.gender!, base.idcard!, base.hukou!, base.checkResult!, base.returnStatus!, base.remark!];
}

export function wafangdianSheet(rows: CellValue[][]) {
  return sheet('附件4', [['瓦房店市疑似失学儿童个体情况汇总表'], WAFANGDIAN_HEADER, ...rows, [null, '单位：', null, null, null, '填报人：', '联系电话：', '主管领导：']]);
}
