import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../../src/pane/Pane';
import { Report } from '../../src/pane/Report';
import { groupByRule } from '../../src/pane/group';
import { repairPlan } from '../../src/pane/repairPlan';
import { repairDropdowns, reviewSheetName, writeReview, writeTotals } from '../../src/pane/actions';
import { reviewSheet } from '../../src/pane/reviewSheet';
import { childrenOf } from '../../src/pane/child';
import type { WorkbookHost } from '../../src/host/types';
import type { WorkbookGrid } from '../../src/core/model/workbook';
import type { CheckReport } from '../../src/core/check';
import type { Finding } from '../../src/core/model/finding';
import type { SheetSpec, ValidationSpec, CellSpec } from '../../src/io/xlsx/spec';
import { checkWorkbook } from '../../src/core/check';
import { CHECK_RESULTS } from '../../src/core/tables/lists';
import { ui } from '../../src/i18n/zh-CN/ui';

/** A host over an in-memory grid that records what the pane asks of it. */
class MemoryHost implements WorkbookHost {
  calls: string[] = [];
  added: SheetSpec[] = [];
  written: { sheet: string; cells: readonly CellSpec[] }[] = [];
  repaired: { sheet: string; validations: readonly ValidationSpec[] }[] = [];
  constructor(private grid: WorkbookGrid) {}
  async readWorkbook() {
    this.calls.push('read');
    return this.grid;
  }
  async readSheet(name: string) {
    return this.grid.sheets.find((s) => s.name === name)!;
  }
  async markFindings(f: readonly Finding[]) {
    this.calls.push(`mark ${f.length}`);
    return { cells: f.length, notes: 0, withoutNote: f.length };
  }
  async clearMarks() {
    this.calls.push('clear');
  }
  async writeCells(sheet: string, cells: readonly CellSpec[]) {
    this.written.push({ sheet, cells });
  }
  async addSheet(spec: SheetSpec) {
    this.added.push(spec);
  }
  async selectCell(sheet: string, a1: string) {
    this.calls.push(`select ${sheet}!${a1}`);
  }
  async repairValidations(sheet: string, validations: readonly ValidationSpec[]) {
    this.repaired.push({ sheet, validations });
  }
}

/** A small 附件4 (疑似失学儿童个体情况汇总表) with two bad rows. */
function grid(): WorkbookGrid {
  const header = ['原始序号', '省份', '地市', '区县', '姓名', '性别', '身份证', '户籍地', '核查结果', '复学情况', '备注'];
  const rows = [
    ['疑似失学儿童个体情况汇总表'],
    header,
    [1, '辽宁省', '大连市', '瓦房店市', '甲', '男', '210281200501010011', '某村', CHECK_RESULTS[0]!, '无', '工作小组：王某'],
    [2, '辽宁省', '大连市', '瓦房店市', '乙', '', '210281200501010011', '某村', '不知道', '是', ''],
    [3, '辽宁省', '大连市', '瓦房店市', '丙', '女', '210281200601010022', '某村', CHECK_RESULTS[10]!, '是', '工作小组：李某'],
  ];
  return { sheets: [{ name: '附件4', rows }, { name: '说明', rows: [['随便写的']] }] };
}

const render = (node: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

function finding(cell: string, rule: string, severity: 'error' | 'warning', extra: Partial<Finding> = {}): Finding {
  return { sheet: '附件4', cell, row: Number(cell.slice(1)), column: '列', rule, severity, message: `${cell}的问题`, fix: '改正', ...extra };
}

test('the pane starts empty, with its buttons, and no 填写汇总 without a totals function', () => {
  const host = new MemoryHost(grid());
  const html = render(<Pane services={{ host, check: checkWorkbook }} />);
  const t = text(html);
  for (const label of [ui.actions.check, ui.actions.mark, ui.actions.clear, ui.actions.review, ui.actions.repair]) expect(t).toContain(label);
  expect(t).not.toContain(ui.actions.totals);
  expect(t).toContain(ui.empty.title);
  expect(host.calls).toEqual([]);
  expect(text(render(<Pane services={{ host, check: checkWorkbook, fillTotals: () => [] }} />))).toContain(ui.actions.totals);
});

test('findings group by rule, errors first, with counts and attempts', () => {
  const report: CheckReport = {
    tables: [{ sheet: '附件4', template: 'wafangdian-individual', title: '疑似失学儿童个体情况汇总表', kind: 'ledger', headerRow: 2, rows: 3 }],
    unrecognised: ['说明'],
    findings: [
      finding('K3', 'persuasion.too-few', 'warning', {
        attempts: [{ index: 1, date: '2024-03-01', people: ['王某', '李某'], method: '入户', action: null, result: '未返校', text: '' }],
      }),
      finding('F4', 'required.missing', 'error'),
      finding('I4', 'category.not-in-list', 'error'),
    ],
    counts: { errors: 2, warnings: 1 },
  };
  const groups = groupByRule(report.findings);
  expect(groups.map((g) => [g.rule, g.severity, g.findings.length])).toEqual([
    ['required.missing', 'error', 1],
    ['category.not-in-list', 'error', 1],
    ['persuasion.too-few', 'warning', 1],
  ]);
  const t = text(render(<Report report={report} hidden={() => false} onSelect={() => undefined} />));
  expect(t).toContain(`${ui.report.errors} 2`);
  expect(t).toContain(`${ui.report.warnings} 1`);
  expect(t).toContain(ui.report.table('附件4', '疑似失学儿童个体情况汇总表', 3));
  expect(t).toContain(ui.report.unrecognised(['说明']));
  expect(t.indexOf('F4的问题')).toBeLessThan(t.indexOf('K3的问题'));
  expect(t).toContain('王某、李某');
  expect(t).toContain(ui.report.attempts.caption);
  const html = render(<Report report={report} hidden={() => false} onSelect={() => undefined} />);
  expect(html.match(/<li[^>]*tabindex="0"/g)).toHaveLength(3);
});

test('long rule groups show a page and a "show more" button', () => {
  const findings = Array.from({ length: 45 }, (_, i) => finding(`F${i + 3}`, 'required.missing', 'error'));
  const report: CheckReport = { tables: [], unrecognised: [], findings, counts: { errors: 45, warnings: 0 } };
  const t = text(render(<Report report={report} hidden={() => false} onSelect={() => undefined} />));
  expect(t).toContain(ui.actions.showMore(15));
  expect(t).not.toContain('F40的问题');
});

test('the dropdown repair covers the category columns over the data rows', () => {
  const plan = repairPlan(grid());
  expect(plan.map((p) => p.sheet)).toEqual(['附件4']);
  expect(plan[0]!.validations.map((v) => [v.sqref, v.list])).toEqual([
    ['F3:F5', ['男', '女']],
    ['I3:I5', CHECK_RESULTS],
    ['J3:J5', ['是', '否', '无']],
  ]);
});

test('actions: repair writes the plan, totals go to cells or new sheets, the review never replaces a user sheet', async () => {
  const g = grid();
  const host = new MemoryHost(g);
  expect((await repairDropdowns(host)).flatMap((c) => c.ranges)).toEqual(['F3:F5', 'I3:I5', 'J3:J5']);
  expect(host.repaired.map((r) => r.sheet)).toEqual(['附件4']);

  const newSheet: SheetSpec = { name: '附件5', cells: [] };
  const n = await writeTotals(host, () => [{ kind: 'cells', sheet: '汇总', cells: [{ row: 3, col: 2, value: 7 }] }, { kind: 'sheet', newSheet }]);
  expect(n).toEqual([{ sheet: '汇总', ranges: ['C4'] }, { sheet: '附件5', ranges: [] }]);
  expect(host.written).toEqual([{ sheet: '汇总', cells: [{ row: 3, col: 2, value: 7 }] }]);
  expect(host.added).toEqual([newSheet]);

  const report = checkWorkbook(g, { referenceDate: '2024-06-01' });
  expect(reviewSheetName(g)).toBe('审核意见');
  g.sheets.push({ name: '审核意见', rows: [['这是用户自己的表']] });
  expect(reviewSheetName(g)).toBe('审核意见(2)');
  const ours = reviewSheet(report, '2024-06-01', '审核意见(2)', { childOf: childrenOf(g, report) });
  g.sheets.push({ name: '审核意见(2)', rows: [[ui.review.title], [], [...ui.review.headers]] });
  expect(reviewSheetName(g)).toBe('审核意见(2)');
  const name = await writeReview(host, { grid: g, report }, '2024-06-01');
  expect(name).toBe('审核意见(2)');
  expect(host.added[1]).toEqual(ours);
  expect(host.calls[host.calls.length - 1]).toBe('select 审核意见(2)!A1');
  expect(report.findings.length).toBeGreaterThan(0);
  expect(ours.cells.filter((c) => c.link).map((c) => c.link).sort()).toEqual(report.findings.map((f) => `'附件4'!${f.cell}`).sort());
  // Each finding beside its child's 姓名 and 原始序号.
  const names = ours.cells.filter((c) => c.row >= 3 && c.col <= 2);
  expect(names.some((c) => c.col === 1 && c.value === '乙') && names.some((c) => c.col === 2 && c.value === '2')).toBe(true);
});
