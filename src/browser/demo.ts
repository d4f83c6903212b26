/** The synthetic sample workbook shipped with the page (samples/ in the repository, copied by webpack). */
export const DEMO_FILE = '示例-疑似失学儿童个体情况汇总表.xlsx';
export const DEMO_URL = `samples/${encodeURIComponent(DEMO_FILE)}`;
