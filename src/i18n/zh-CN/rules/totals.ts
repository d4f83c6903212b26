import type { RuleCatalogue } from './types';

const FILL_HINT = '可点“填写汇总”按明细自动填写';

export const totalsTexts: RuleCatalogue = {
  'totals.mismatch': {
    title: '汇总数与明细不符',
    message: (p) =>
      `${p.group} ${p.measure}${p.found === '' ? '未填写' : `填的是 ${p.found}`}，应为 ${p.expected}，按${p.source}的明细行计算`,
    fix: (p) => `改为 ${p.expected}${p.totalCell ? `，总计行 ${p.totalCell} 也随之改为 ${p.totalExpected}` : ''}；${FILL_HINT}`,
  },
  'totals.missing-group': {
    title: '汇总表缺少地区',
    message: (p) => `${p.source}中有“${p.group}”的 ${p.count} 名儿童，汇总表中没有这一行`,
    fix: `在总计行之上补上这一行；${FILL_HINT}`,
  },
  'totals.row-sum': {
    title: '合计与各类之和不符',
    message: (p) => `${p.group} 的${p.measure}填的是 ${p.found}，本行各类人数之和为 ${p.sum}`,
    fix: '核对本行各类人数与合计，改正有误的一项',
  },
  'totals.ledger-count': {
    title: '合计人数与名单不符',
    message: (p) => `${p.label}行写的是 ${p.stated} 人，${p.scope}名单实有 ${p.counted} 人`,
    fix: '核对名单与合计：补上漏填的孩子或删去重复的一行，或把合计人数改为实有人数',
  },
  'totals.over-limit': {
    title: '人数超过应有上限',
    message: (p) => `${p.group} 的${p.measure}填的是 ${p.found}，超过了 ${p.parts} 之和 ${p.sum}`,
    fix: (p) => `只有 ${p.parts} 的孩子可以复学：核对${p.measure}与这几类人数，改正有误的一项`,
  },
  'totals.column-sum': {
    title: '总计与各行之和不符',
    message: (p) => `总计行的${p.measure}填的是 ${p.found}，上面各行之和为 ${p.sum}`,
    fix: '核对各行人数与总计，改正有误的一项',
  },
  'totals.uncounted': {
    title: '明细行未计入汇总',
    message: (p) => {
      const parts = [
        p.invalid ? `第 ${p.invalid} 行的${p.column}不是下拉框中的类别` : '',
        p.empty ? `第 ${p.empty} 行的${p.column}为空` : '',
        p.noGroup ? `第 ${p.noGroup} 行没有填写${p.groupColumn}` : '',
      ].filter(Boolean);
      return `${p.source}有 ${p.count} 行未计入汇总：${parts.join('；')}`;
    },
    fix: (p) => `在${p.source}中改正这些行（从下拉框选择类别），汇总才会计入`,
  },
  'totals.unfilled': {
    title: '汇总表未填写',
    message: (p) => (p.count ? `汇总表还没有填写，${p.source}中有 ${p.count} 行明细` : '汇总表还没有填写'),
    fix: FILL_HINT,
  },
};
