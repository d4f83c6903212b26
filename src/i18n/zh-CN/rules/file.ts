import type { RuleCatalogue } from './types';

export const fileTexts: RuleCatalogue = {
  'file.uncached-formula': {
    title: '公式没有计算结果',
    message: (p) => `有 ${p.count} 个公式单元格没有保存计算结果（${p.cells}${p.more ? ' 等' : ''}），读不到它们的值，这些单元格未能检查`,
    fix: '在 Excel 或 WPS 中打开文件，按 F9 重新计算后保存，再检查一次',
  },
  'file.distant-cells': {
    title: '远处还有内容',
    message: (p) => `从 ${p.cell} 起有 ${p.count} 个单元格有内容，离上面的内容隔了 65536 行以上，没有读入检查`,
    fix: '确认这些内容是否误填；如是表格的一部分，请把它们移到表格紧接的行里再检查',
  },
};
