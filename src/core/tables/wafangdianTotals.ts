import type { TableDefInput } from './schema';
import { CHECK_RESULTS, CHECK_RESULTS_TO_RETURN } from './lists';

/** 002 附件5: 疑似失学儿童核查劝返总体情况汇总表, "要在附件4基础上填写". */
export const wafangdianTotals: TableDefInput = {
  id: 'wafangdian-totals',
  version: 1,
  kind: 'totals',
  source: '002 附件5',
  title: '疑似失学儿童核查劝返总体情况汇总表',
  titleAliases: ['瓦房店市疑似失学儿童核查劝返总体情况汇总表', '核查劝返总体情况汇总表'],
  notes: ['备注：该表要在附件4基础上填写，表中A类-M类栏内填写相应类别的人数。'],
  footer: ['单位：', '填报人：', '联系电话：', '主管领导：', '日期：'],
  from: 'wafangdian-individual',
  groupBy: [
    { key: 'city', label: '地市', width: 10 },
    { key: 'county', label: '区县', width: 12 },
  ],
  totalLabel: '总计',
  measures: [
    { id: 'all', label: '疑似失学儿童合计', aliases: ['合计'], count: { all: true } },
    ...CHECK_RESULTS.map((item) => ({
      id: item[0]!,
      label: `${item[0]}类`,
      aliases: [item, item[0]!],
      group: 'ABCDEFGH'.includes(item[0]!) ? '核减项' : '应劝返项',
      count: { column: 'checkResult' as const, item },
    })),
    { id: 'ret', label: '复学人数', count: { column: 'returnStatus' as const, item: '是' } },
  ],
  // 附件3: only I–M may be 是, so no more children returned than I+J+K+L+M.
  limits: [{ measure: 'ret', atMostSumOf: CHECK_RESULTS_TO_RETURN }],
};
