import type { CellValue } from '../../../src/core/model/cell';
import { checkWorkbook } from '../../../src/core/check';
import { sheet, workbook } from '../../helpers/grid';
import { syntheticId } from './rowFixture';

/** A filled 一生一表 (004 附件5) whose preamble line is `preamble`. */
function form(preamble: CellValue[]): CellValue[][] {
  return [
    ['江西省义务教育阶段辍学学生登记表'],
    preamble,
    ['基本信息', '姓名', '张三', '居民身份证号码', null, syntheticId('2010-03-05', true)],
    [null, '出生日期', '2010年3月5日', '性别', '男', '年龄', 13, '民族', '汉'],
    [null, '监护人1', '张父', '与被核查人关系', '父子', '联系电话', '13800000001'],
    [null, '户籍所在地', '江西省赣州市赣县区某镇某村'],
    [null, '现居住地', '同户籍所在地'],
    ['辍学原因', '厌学'],
    ['核查劝返情况', '是否已开展劝返工作', '是', '劝返次数', 1, '劝返结果', '已复学'],
    [null, '劝返单位', '赣县区某中学', '劝返责任人', '王老师', '联系电话', '13900000003'],
    [null, '劝返过程详细记录', '1.2024年2月20日王老师到学生家中与家长沟通，学生已于当日到校报到上课。'],
  ];
}
const REF = { referenceDate: '2024-03-01' };
const dateFindings = (preamble: CellValue[]) =>
  checkWorkbook(workbook(sheet('一生一表', form(preamble))), REF).findings.filter((f) => f.rule.startsWith('date.')).map((f) => [f.rule, f.cell, f.column]);

describe('一生一表 填表日期 (issue 17 item 5)', () => {
  it('a form dated after the reference date is date.future at the 填表日期', () => {
    expect(dateFindings(['设区市:赣州市', null, '县(市、区):赣县区', null, '填表日期:2024年5月1日'])).toEqual([['date.future', 'E2', '填表日期']]);
    expect(dateFindings(['设区市:', null, '县(市、区):', null, '填表日期:', '2024年5月1日'])).toEqual([['date.future', 'F2', '填表日期']]);
  });
  it('a form dated on or before the reference date, or with a time of day, is right', () => {
    expect(dateFindings(['设区市:赣州市', null, '县(市、区):赣县区', null, '填表日期:2024年3月1日'])).toEqual([]);
    expect(dateFindings(['填表日期：2024年2月28日下午'])).toEqual([]);
  });
  it('an unfilled 填表日期 ("年 月 日") is not judged; an impossible one is date.invalid', () => {
    expect(dateFindings(['设区市:', null, '县(市、区):', null, '填表日期:  年  月  日'])).toEqual([]);
    expect(dateFindings(['填表日期:2024年2月30日'])).toEqual([['date.invalid', 'A2', '填表日期']]);
  });
});
