import type { RuleCatalogue } from './types';

export const headerTexts: RuleCatalogue = {
  'header.missing-column': {
    title: '缺少栏目',
    message: (p) => `表头缺少“${p.column}”栏（${p.table}）`,
    fix: '按官方模板补上这一栏，不要删除或改名；可用“修复下拉菜单/模板”功能对照',
  },
  'header.repeated': {
    title: '表头重复',
    message: (p) => `第${p.row}行重复了一遍表头，像是把表格粘贴了两次`,
    fix: '删除这一行重复的表头，并检查其下的数据是否重复粘贴',
  },
  'header.no-table': {
    title: '未识别的表格',
    message: () => '这个工作簿中没有找到任何一张控辍保学官方表格',
    fix: '确认打开的是下发的表格；表头需保留官方栏目名称（如“姓名”“身份证号”“核查结果”）',
  },
};
