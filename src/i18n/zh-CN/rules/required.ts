import type { RuleCatalogue } from './types';

export const requiredTexts: RuleCatalogue = {
  'required.missing': {
    title: '必填项为空',
    message: (p) => `“${p.column}”未填写`,
    fix: (p) => `按表格要求填写“${p.column}”`,
  },
  'required.workgroup': {
    title: '未写工作小组成员',
    message: () => '备注栏须填写入门入户核查和劝返复学工作小组成员的姓名',
    fix: '在备注栏写明参加核查的工作小组成员姓名，多人用顿号隔开',
  },
};
