import type { CellValue } from '../../../src/core/model/cell';
import { checkWorkbook } from '../../../src/core/check';
import { statedAttempts } from '../../../src/core/rules/checklist';
import { tableById } from '../../../src/core/tables';
import type { ChecklistDef } from '../../../src/core/tables/schema';
import { readProfile } from '../../../src/cli/profile';
import { sheet, workbook } from '../../helpers/grid';

const def = tableById('archive-checklist') as ChecklistDef;
/** 003 附件1 as a county fills it in: the official items, `edit` changing the 标准、要求 of some. */
function checklist(edit: Record<string, string> = {}, drop: string[] = []): CellValue[][] {
  const items = def.items.filter((i) => !drop.some((d) => i[1]!.startsWith(d)));
  return [
    ['城口县(乡镇、村、学校)控辍保学档案资料清单'],
    def.columns.map((c) => c.label),
    ...items.map((i) => {
      const code = /B\d-\d+/.exec(i[1]!)?.[0] ?? '';
      return [i[0]!, i[1]!, edit[code] ?? i[2]!, i[3]!, i[4]!];
    }),
  ];
}
const check = (rows: CellValue[][], cases = {}) => checkWorkbook(workbook(sheet('清单', rows)), { referenceDate: '2022-09-01', cases });

describe('003 附件1 档案资料清单 (issue 17 item 7)', () => {
  it('is recognised as a table and the official one finds nothing', () => {
    const report = check(checklist());
    expect(report.tables.map((t) => [t.template, t.kind, t.rows])).toEqual([['archive-checklist', 'checklist', 19]]);
    expect(report.unrecognised).toEqual([]);
    expect(report.findings).toEqual([]);
  });
  it('reads the attempts each item asks for, in digits or words', () => {
    expect(statedAttempts('1.限期复学通知书；劝返记录 5 次以上；2.学籍证明')).toBe(5);
    expect(statedAttempts('1.限期复学通知书；2.5 次以上劝返记录；3.辖区政府去函')).toBe(5);
    expect(statedAttempts('对于少数经相关部门联合劝返三次以上或经司法部门判决裁定')).toBe(3);
    expect(statedAttempts('1.县级以上建议休学诊断证明；2.休学申请表')).toBeNull();
  });
  it('B4-1 asking for 3 attempts where 城口 asks for 5 is an error naming both', () => {
    const cases = readProfile('城口').cases;
    const f = check(checklist({ 'B4-1': '1.限期复学通知书；劝返记录 3 次以上；2.学籍证明' }), cases).findings;
    expect(f.map((x) => [x.rule, x.cell, x.severity])).toEqual([['checklist.attempts', 'C14', 'error']]);
    expect(f[0]!.message).toContain('B4-1 劝返回原学校就读');
    expect(f[0]!.message).toContain('本地要求 5 次以上');
  });
  it('a profile may ask for more than the seed: 6 attempts for B4-9', () => {
    const f = check(checklist(), { 'B4-9': { title: '因家庭思想观念而辍学', minAttempts: 6 } }).findings;
    expect(f.map((x) => x.rule)).toEqual(['checklist.attempts']);
  });
  it('more attempts than asked is right; a missing item is a warning', () => {
    expect(check(checklist({ 'B4-1': '劝返记录 8 次以上' })).findings).toEqual([]);
    const f = check(checklist({}, ['B4-7'])).findings;
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['checklist.missing-item', 'warning']]);
  });
});
