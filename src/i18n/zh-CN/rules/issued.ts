import type { RuleCatalogue } from './types';

export const issuedTexts: RuleCatalogue = {
  'issued.changed': {
    title: '改动了不应修改的栏目',
    message: (p) => `“${p.column}”与下发表（第${p.row}行）不一致，这一栏不应修改`,
    fix: '恢复为下发时的内容；只更新核查结果、复学情况和备注（工作小组成员姓名）。信息确有错误的，另附说明报送',
  },
  'issued.added': {
    title: '新增了下发表中没有的行',
    message: (p) => `这一行的“${p.key}”在下发表中没有`,
    fix: '下发名单只核查、不增行；新发现的孩子请另表报送',
  },
};
