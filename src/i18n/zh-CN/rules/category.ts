import type { RuleCatalogue } from './types';

export const categoryTexts: RuleCatalogue = {
  'category.invalid': {
    title: '不在下拉选项中',
    message: (p) => `“${p.column}”填写了“${p.value}”，不是规定的选项`,
    fix: (p) => `请从下拉菜单中选择：${p.list}`,
  },
  'category.misspelt': {
    title: '选项写法不符',
    message: (p) => `“${p.column}”填写了“${p.value}”，应选 ${p.official}`,
    fix: (p) => `从下拉菜单中选择“${p.official}”；点“修复下拉菜单”可一并改正`,
  },
  'category.alias': {
    title: '选项写法不规范',
    message: (p) => `“${p.column}”填写了“${p.value}”，规范写法是“${p.official}”`,
    fix: (p) => `改为“${p.official}”`,
  },
};
