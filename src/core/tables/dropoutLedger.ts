import type { TableDefInput } from './schema';
import { GENDER, STUDENT_TYPES } from './lists';

/** 000 附件1: 失学辍学儿童少年统计表. */
export const dropoutLedger: TableDefInput = {
  id: 'dropout-ledger',
  version: 1,
  kind: 'ledger',
  source: '000 附件1',
  title: '失学辍学儿童少年统计表',
  notes: [
    '填表说明：请在备注栏内点击下拉式菜单，选择学生类型。相关学生类型分为家庭经济困难学生、残疾儿童、留守儿童、事实无人抚养儿童、孤困境儿童、普通学生。',
  ],
  footer: ['单位：', '填报人：', '联系电话：', '主管领导：', '日期：'],
  settings: { ageMin: 6, ageMax: 15, persuasionMinAttempts: 3, reportingPeriodDays: 31 },
  columns: [
    { key: 'county', label: '区县', type: 'text', required: true, width: 10 },
    { key: 'serial', label: '序号', type: 'serial', required: true, width: 6 },
    { key: 'name', label: '姓名', type: 'text', required: true, width: 10 },
    { key: 'gender', label: '性别', type: 'category', list: GENDER, required: true, width: 6 },
    { key: 'school', label: '所在学校', type: 'text', required: true, width: 16 },
    { key: 'idcard', label: '身份证号', aliases: ['身份证号码', '身份证'], type: 'idcard', required: true, width: 21 },
    { key: 'address', label: '家庭住址', type: 'text', required: true, width: 20 },
    { key: 'reason', label: '失学辍学原因', aliases: ['辍学原因', '失学原因'], type: 'longtext', required: true, width: 24 },
    { key: 'persuasionRecord', label: '劝返过程记录', aliases: ['劝返记录'], type: 'longtext', required: true, width: 48 },
    { key: 'persuasionOwner', label: '劝返责任人', type: 'text', required: true, width: 10 },
    { key: 'persuasionResult', label: '劝返结果', type: 'text', required: true, width: 22 },
    { key: 'studentType', label: '备注', aliases: ['学生类型'], note: '学生类型', type: 'category', list: STUDENT_TYPES, required: true, width: 16 },
  ],
};
