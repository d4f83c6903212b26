import type { RuleCatalogue } from './types';

export const mergeTexts: RuleCatalogue = {
  'merge.duplicate-child': {
    title: '同一孩子在多所学校登记',
    message: (p) =>
      p.idcard
        ? `身份证号 ${p.idcard} 在 ${p.count} 个学校的表中都有：${p.places}`
        : `姓名 ${p.name}、出生日期 ${p.birth} 相同的孩子在 ${p.count} 个学校的表中都有，可能是同一人：${p.places}`,
    fix: '两行都已保留在合并表中。请与相关学校核实孩子实际就读或居住的地方，确定由哪所学校负责，再通知另一所学校改正',
  },
  'merge.rejected': {
    title: '工作簿未能合并',
    message: (p) => `${p.file} 未合并：${p.reason}`,
    fix: '按原因处理后重新合并；其余学校的表已照常合并',
  },
};
