import { checkWorkbook } from '../../../src/core/check';
import { sheet, workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from './fixtures';

const REF = { referenceDate: '2019-03-01' };
const rulesAt = (rows: Parameters<typeof wafangdianSheet>[0], row: number) =>
  checkWorkbook(workbook(wafangdianSheet(rows)), REF).findings.filter((f) => f.row === row).map((f) => f.rule);

describe('required.', () => {
  it('flags an empty required cell, and not a filled one', () => {
    expect(rulesAt([wafangdianRow(1, { checkResult: null })], 3)).toContain('required.missing');
    expect(rulesAt([wafangdianRow(1)], 3)).toEqual([]);
  });
  it('treats full-width spaces as empty', () => {
    expect(rulesAt([wafangdianRow(1, { remark: '\u3000 ' })], 3)).toContain('required.missing');
  });
  it('asks 附件4 备注 to name the work group', () => {
    expect(rulesAt([wafangdianRow(1, { remark: '已核查' })], 3)).toContain('required.workgroup');
    expect(rulesAt([wafangdianRow(1, { remark: '周志顺、岳明' })], 3)).not.toContain('required.workgroup');
  });
  it('reads 备注 trimmed at either end, whatever the space', () => {
    for (const remark of [' 已核查', '已核查 ', '\u3000已核查\u3000', '\u00a0见附件', '同上\n', '\ufeff已入户']) {
      expect(rulesAt([wafangdianRow(1, { remark })], 3)).toContain('required.workgroup');
    }
    for (const remark of [' 周志顺、岳明 ', '（周志顺、岳明）', '已核查：周志顺、岳明']) {
      expect(rulesAt([wafangdianRow(1, { remark })], 3)).not.toContain('required.workgroup');
    }
  });
});

describe('category.', () => {
  it('accepts the official items only', () => {
    expect(rulesAt([wafangdianRow(1, { checkResult: '打工' })], 3)).toContain('category.invalid');
    expect(rulesAt([wafangdianRow(1, { checkResult: 'K打工务农' })], 3)).toContain('category.misspelt');
    expect(rulesAt([wafangdianRow(1, { gender: 'M' })], 3)).toContain('category.invalid');
    expect(rulesAt([wafangdianRow(1, { checkResult: 'K．打工务农' })], 3)).not.toContain('category.invalid'); // full-width dot folds
  });
  it('warns on a known other spelling instead of failing it', () => {
    const header = ['序号', '姓名', '身份证号码', '学籍所在学校', '人员类别', '登记类型', '备注'];
    const report = checkWorkbook(workbook(sheet('附件1-2', [header, [1, '张三', null, '一中', '建档立卡贫困户', '辍学', null]])));
    const byRule = Object.fromEntries(report.findings.map((f) => [f.rule, f]));
    expect(byRule['category.alias']?.severity).toBe('warning');
    expect(byRule['category.invalid']?.column).toBe('登记类型');
    expect(byRule['category.invalid']?.message).toContain('辍学');
  });
});

describe('return-status.', () => {
  it('I–M take 是/否, A–H take 无 (002 附件3)', () => {
    expect(rulesAt([wafangdianRow(1, { checkResult: 'A.户籍原因', returnStatus: '是' })], 3)).toContain('return-status.should-be-none');
    expect(rulesAt([wafangdianRow(1, { checkResult: 'K.打工务农', returnStatus: '无' })], 3)).toContain('return-status.should-be-yes-no');
    expect(rulesAt([wafangdianRow(1, { checkResult: 'B.在校有学籍', returnStatus: '无' })], 3)).toEqual([]);
    expect(rulesAt([wafangdianRow(1, { checkResult: 'M.其他原因', returnStatus: '否' })], 3)).toEqual([]);
  });

  const ledger = (result: string) =>
    checkWorkbook(
      workbook(
        sheet('s', [
          ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'],
          ['城关区', 1, '张三', '男', '一小', null, '某村', '厌学', '1.6月1日王老师入户家访，家长同意返校。', '王老师', result, '普通学生'],
        ]),
      ),
      { referenceDate: '2026-11-01' },
    ).findings.map((f) => f.rule);

  it('000 劝返结果: 已复学, or 尚未复学 with the planned date', () => {
    expect(ledger('1.已复学')).not.toContain('return-status.invalid-result');
    expect(ledger('2.尚未复学，拟于12月19日返校复学')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^return-status/)]));
    expect(ledger('2.尚未复学')).toContain('return-status.no-planned-date');
    expect(ledger('2.尚未复学，拟于2月30日返校复学')).toContain('return-status.bad-planned-date');
    expect(ledger('在劝')).toContain('return-status.invalid-result');
  });

  it('004 附件2: 复学学校, 复学时间 and 班级 together or not at all', () => {
    const header = ['序号', '原就读学校', '姓名', '性别', '年龄', '辍学时间', '复学学校', '复学时间', '班级', '备注'];
    const rows = [
      [1, '一中', '甲', '男', 13, { t: 'date', serial: 45900 } as const, '一中', null, '初二(3)班', '城镇贫困户'],
      [2, '一中', '乙', '男', 13, { t: 'date', serial: 45900 } as const, null, null, null, '城镇贫困户'],
    ];
    const report = checkWorkbook(workbook(sheet('附件2', [header, ...rows])), { referenceDate: '2026-11-01' });
    const incomplete = report.findings.filter((f) => f.rule === 'return-status.incomplete');
    expect(incomplete.map((f) => f.cell)).toEqual(['H2']);
  });
});

describe('duplicate.', () => {
  it('flags the later row of a child listed twice and names the first', () => {
    const a = wafangdianRow(1);
    const b = wafangdianRow(2, { idcard: a[6] });
    const report = checkWorkbook(workbook(wafangdianSheet([a, b])), REF);
    const dup = report.findings.filter((f) => f.rule.startsWith('duplicate.'));
    expect(dup.map((f) => [f.cell, f.related])).toEqual([['G4', ['G3']]]);
    expect(dup[0]!.message).not.toContain(String(a[6])); // never echo the number
  });

  it('names the earliest row of a number however each row writes it, 15-digit numbers apart', () => {
    const id = String(wafangdianRow(1)[6]);
    const x = '21028120060501012X';
    const old = '210281060501013';
    const cells = [` ${id}`, x, id, old, `${id.slice(0, 6)} ${id.slice(6)}`, x.toLowerCase(), old, '不详', '不详'];
    const rows = cells.map((idcard, i) => wafangdianRow(i + 1, { idcard }));
    const dup = checkWorkbook(workbook(wafangdianSheet(rows)), REF).findings.filter((f) => f.rule === 'duplicate.idcard');
    expect(dup.map((f) => [f.cell, f.related])).toEqual([
      ['G5', ['G3']],
      ['G7', ['G3']],
      ['G8', ['G4']],
      ['G9', ['G6']],
    ]);
  });
});

describe('serial.', () => {
  const serialRules = (serials: number[]) =>
    checkWorkbook(workbook(wafangdianSheet(serials.map((s, i) => wafangdianRow(i + 1, { serial: s })))), REF)
      .findings.filter((f) => f.rule.startsWith('serial.'))
      .map((f) => [f.rule, f.row, f.severity]);

  it('原始序号: a repeat and a gap are errors (002: 不要删除)', () => {
    expect(serialRules([1, 2, 2, 3, 5])).toEqual([
      ['serial.repeat', 5, 'error'],
      ['serial.gap', 7, 'error'],
    ]);
  });
  it('accepts a clean run', () => {
    expect(serialRules([1, 2, 3, 4])).toEqual([]);
  });
  it('warns when rows are out of order', () => {
    expect(serialRules([1, 3, 2])).toEqual([
      ['serial.gap', 4, 'error'],
      ['serial.order', 5, 'warning'],
    ]);
  });
});
