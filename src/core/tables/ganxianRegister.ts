import type { TableDefInput } from './schema';
import { PERSON_CATEGORIES, PERSON_CATEGORY_ALIASES, REGISTRATION_TYPES } from './lists';

/** 004 附件1-2: 义务教育阶段辍学学生登记汇总表. */
export const ganxianRegister: TableDefInput = {
  id: 'ganxian-register',
  version: 1,
  kind: 'ledger',
  source: '004 附件1-2',
  title: '义务教育阶段辍学学生登记汇总表',
  titleAliases: ['赣县区义务教育阶段辍学学生登记汇总表', '辍学学生登记汇总表'],
  preamble: ['填报单位：(盖章)', '时间： 年 月 日'],
  notes: ['注：1. 本表为附件 1-1 的名单汇总。', '2. 登记类型填“失学辍学”或者“缓学休学”。'],
  settings: { ageMin: 6, ageMax: 15 },
  templateRows: 9,
  templateNumbered: true,
  columns: [
    { key: 'serial', label: '序号', type: 'serial', required: true, width: 6 },
    { key: 'name', label: '姓名', type: 'text', required: true, width: 10 },
    { key: 'idcard', label: '身份证号码', aliases: ['身份证号', '身份证'], type: 'idcard', required: true, width: 21 },
    { key: 'school', label: '学籍所在学校', type: 'text', required: true, width: 18 },
    {
      key: 'personCategory', label: '人员类别', note: '(建档立卡脱贫户或镇贫困户)', type: 'category',
      list: PERSON_CATEGORIES, listAliases: PERSON_CATEGORY_ALIASES, required: true, width: 16,
    },
    { key: 'registrationType', label: '登记类型', type: 'category', list: REGISTRATION_TYPES, required: true, width: 10 },
    { key: 'remark', label: '备注', type: 'text', width: 14 },
  ],
};
