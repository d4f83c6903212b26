import type { RuleCatalogue } from './types';

export const duplicateTexts: RuleCatalogue = {
  'duplicate.idcard': {
    title: '同一孩子重复登记',
    message: (p) => `身份证号与第${p.row}行相同：同一个孩子登记了两次`,
    fix: '核对两行：是同一人就删去重复的一行并合并信息；不是同一人就核对身份证原件后改正',
  },
  'duplicate.name-birth': {
    title: '同一孩子重复登记',
    message: (p) => `姓名和出生日期与第${p.row}行相同，可能是同一个孩子登记了两次`,
    fix: '核对两行是否为同一人；补填身份证号以便区分',
  },
};
