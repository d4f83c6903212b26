import type { RuleCatalogue } from './types';

export const duplicateTexts: RuleCatalogue = {
  'duplicate.idcard': {
    title: '同一孩子重复登记',
    message: (p) =>
      p.source
        ? `身份证号与第${p.row}行相同：同一个孩子由“${p.source}”和“${p.otherSource}”两处上报`
        : `身份证号与第${p.row}行相同：同一个孩子登记了两次`,
    fix: (p) =>
      p.source
        ? '请两校核实孩子实际在哪里就读或居住，由一处上报，另一处删去这一行'
        : '核对两行：是同一人就删去重复的一行并合并信息；不是同一人就核对身份证原件后改正',
  },
  'duplicate.name-birth': {
    title: '同一孩子重复登记',
    message: (p) =>
      `姓名和出生日期与第${p.row}行相同，可能是同一个孩子${p.source ? `由“${p.source}”和“${p.otherSource}”两处上报` : '登记了两次'}`,
    fix: '核对两行是否为同一人；补填身份证号以便区分',
  },
};
