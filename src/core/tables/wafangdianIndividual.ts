import type { TableDefInput } from './schema';
import { CHECK_RESULTS, GENDER, RETURN_STATUS } from './lists';

/** 002 附件4: 疑似失学儿童个体情况汇总表 (issued list; only 核查结果, 复学情况, 备注 are filled in). */
export const wafangdianIndividual: TableDefInput = {
  id: 'wafangdian-individual',
  version: 1,
  kind: 'ledger',
  source: '002 附件4',
  title: '疑似失学儿童个体情况汇总表',
  titleAliases: ['瓦房店市疑似失学儿童个体情况汇总表'],
  notes: [
    '填表说明：',
    '1.此数据为出生于2002年9月1日至2011年8月31日,未在全国学籍系统中注册的义务教育疑似失学儿童。因数据涉及个人隐私，故此表以u盘形式下发。',
    '2.原始序号（不要删除），只在表中更新“核查结果”栏、“复学情况”和填写工作小组成员姓名栏后上报此表。',
    '3.“核查结果”栏只能选择下拉框的A类-M类标准内容。',
    '4.“复学情况”栏根据核查情况分类填写。属于“I类-M类”的填写“是”或者“否”，其余类填写“无”。',
    '5.“备注”栏须填写入门入户核查失学儿童情况和劝返复学工作小组成员姓名。',
  ],
  footer: ['单位：', '填报人：', '联系电话：', '主管领导：'],
  settings: {
    birthFrom: '2002-09-01',
    birthTo: '2011-08-31',
    serialGapIsError: true,
    editableColumns: ['checkResult', 'returnStatus', 'remark'],
  },
  columns: [
    { key: 'originalSerial', label: '原始序号', note: '（不要删除）', type: 'serial', required: true, width: 8 },
    { key: 'province', label: '省份', type: 'text', required: true, width: 8 },
    { key: 'city', label: '地市', type: 'text', required: true, width: 8 },
    { key: 'county', label: '区县', type: 'text', required: true, width: 10 },
    { key: 'name', label: '姓名', type: 'text', required: true, width: 10 },
    { key: 'gender', label: '性别', type: 'category', list: GENDER, required: true, width: 6 },
    { key: 'idcard', label: '身份证', aliases: ['身份证号', '身份证号码'], type: 'idcard', required: true, width: 21 },
    { key: 'hukou', label: '户籍地', type: 'text', required: false, width: 24 },
    {
      // "只能选择下拉框的标准分类内容": no other spelling is accepted.
      key: 'checkResult', label: '核查结果', note: '（选择下拉框）', type: 'category', list: CHECK_RESULTS, required: true, width: 18,
    },
    { key: 'returnStatus', label: '复学情况', type: 'category', list: RETURN_STATUS, required: true, width: 9 },
    { key: 'remark', label: '备注', aliases: ['工作小组成员姓名', '工作小组成员'], note: '（填写工作小组成员姓名）', type: 'text', required: true, width: 20 },
  ],
};
