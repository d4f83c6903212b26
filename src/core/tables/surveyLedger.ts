import type { TableDefInput } from './schema';
import { GENDER, STUDENT_TYPES } from './lists';

/** 000 附件2: 控辍保学摸排情况统计表. */
export const surveyLedger: TableDefInput = {
  id: 'survey-ledger',
  version: 1,
  kind: 'ledger',
  source: '000 附件2',
  title: '控辍保学摸排情况统计表',
  preamble: ['学校摸排责任人:', '村委（居委会）责任人:'],
  notes: [
    '填表说明：请在备注栏内点击下拉式菜单，选择学生类型。相关学生类型分为家庭经济困难学生、残疾儿童、留守儿童、事实无人抚养儿童、孤困境儿童、普通学生。',
  ],
  footer: ['单位：', '填报人：', '联系电话：', '主管领导：', '日期：'],
  settings: { ageMin: 6, ageMax: 15 },
  columns: [
    { key: 'serial', label: '序号', type: 'serial', required: true, width: 6 },
    { key: 'school', label: '学校', type: 'text', required: true, width: 16 },
    { key: 'name', label: '失学学生姓名', aliases: ['姓名', '学生姓名'], type: 'text', required: true, width: 10 },
    { key: 'gender', label: '性别', type: 'category', list: GENDER, required: true, width: 6 },
    { key: 'surveyDate', label: '摸排时间', type: 'date', required: true, width: 12 },
    { key: 'situation', label: '具体情况', type: 'longtext', required: true, width: 30 },
    { key: 'persuasionOwner', label: '劝返责任人', type: 'text', required: true, width: 10 },
    { key: 'studentType', label: '备注', aliases: ['学生类型'], note: '学生类型', type: 'category', list: STUDENT_TYPES, required: true, width: 16 },
  ],
};
