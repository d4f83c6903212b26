import type { RuleCatalogue } from './types';

/** 2026-03-17 → 2026年3月17日 */
function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const DATE_FORMS = '请按“2021年3月5日”或“2021-03-05”的写法填写';

export const dateTexts: RuleCatalogue = {
  'date.invalid': {
    title: '日期无效',
    message: (p) =>
      p.reason === 'invalid'
        ? `“${p.column}”填写的“${p.value}”不是真实存在的日期`
        : `“${p.column}”填写的“${p.value}”无法识别为日期`,
    fix: `核对日期，${DATE_FORMS}`,
  },
  'date.future': {
    title: '日期晚于检查基准日',
    message: (p) => `“${p.column}”是 ${p.date}，晚于检查基准日 ${p.referenceDate}`,
    fix: '核对年份和月份是否写错；尚未发生的事不要提前填写',
  },
  'date.order': {
    title: '日期先后颠倒',
    message: (p) => `“${p.returnLabel}”（${p.returnDate}）早于“${p.dropoutLabel}”（${p.dropoutDate}）`,
    fix: (p) => `核对两个日期：“${p.returnLabel}”应在“${p.dropoutLabel}”之后`,
  },
};
