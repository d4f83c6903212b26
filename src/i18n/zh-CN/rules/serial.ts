import type { RuleCatalogue } from './types';

export const serialTexts: RuleCatalogue = {
  'serial.not-number': {
    title: '序号不是数字',
    message: (p) => `“${p.column}”填写了“${p.value}”，应为整数`,
    fix: '填写 1、2、3 这样的整数序号',
  },
  'serial.repeat': {
    title: '序号重复',
    message: (p) => `“${p.column}”${p.value} 与第${p.row}行重复`,
    fix: (p) => (p.column === '原始序号' ? '原始序号是下发时编定的，请恢复为下发表中的序号，不要改动' : '重新编排序号'),
  },
  'serial.gap': {
    title: '序号不连续',
    message: (p) => `“${p.column}”缺少 ${p.missing}：之前可能删除了行`,
    fix: (p) =>
      p.column === '原始序号' ? '原始序号不要删除：请把删除的行恢复，核查结果如实填写' : '补回缺少的行，或重新编排序号',
  },
  'serial.order': {
    title: '序号顺序颠倒',
    message: (p) => `“${p.column}”${p.value} 排在 ${p.previous} 之后`,
    fix: '按序号重新排序，或检查是否误改了序号',
  },
  'serial.deleted': {
    title: '删除了下发的行',
    message: (p) => `下发表第${p.row}行${p.value ? `（${p.key} ${p.value}）` : ''}在上报的表中不见了`,
    fix: '下发名单的行不得删除：请恢复这一行，并如实填写核查结果',
  },
};
