import type { RuleCatalogue } from './types';

export const checklistTexts: RuleCatalogue = {
  'checklist.missing-item': {
    title: '档案资料清单缺项',
    message: (p) => `档案资料清单中没有“${p.code} ${p.title}”这一项`,
    fix: '按官方清单补上这一项；本单位没有此类情形的，在备注中注明“无”',
  },
  'checklist.attempts': {
    title: '劝返记录次数要求偏低',
    message: (p) => `“${p.code} ${p.title}”写的是劝返记录 ${p.stated} 次以上，本地要求 ${p.required} 次以上`,
    fix: (p) => `改为“劝返记录 ${p.required} 次以上”，并按此核对每个孩子的劝返记录`,
  },
};
