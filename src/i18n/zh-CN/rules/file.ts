import type { RuleCatalogue } from './types';

export const fileTexts: RuleCatalogue = {
  'file.uncached-formula': {
    title: '公式没有计算结果',
    message: (p) => `有 ${p.count} 个公式单元格没有保存计算结果（${p.cells}${p.more ? ' 等' : ''}），读不到它们的值，这些单元格未能检查`,
    fix: '在 Excel 或 WPS 中打开文件，按 F9 重新计算后保存，再检查一次',
  },
};
