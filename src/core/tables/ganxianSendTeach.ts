import type { TableDefInput } from './schema';
import { GENDER, PERSON_CATEGORIES, PERSON_CATEGORY_ALIASES } from './lists';

/** 004 附件4: 义务教育阶段重度残疾儿童少年送教上门工作台账. */
export const ganxianSendTeach: TableDefInput = {
  id: 'ganxian-sendteach',
  version: 1,
  kind: 'ledger',
  source: '004 附件4',
  title: '义务教育阶段重度残疾儿童少年送教上门工作台账',
  titleAliases: ['赣县区义务教育阶段重度残疾儿童少年送教上门工作台账', '送教上门工作台账', '送教上门台账'],
  preamble: ['单位（盖章）：', '时间： 年 月 日'],
  settings: { ageMin: 6, ageMax: 15 },
  templateRows: 10,
  templateNumbered: true,
  columns: [
    { key: 'serial', label: '序号', type: 'serial', required: true, width: 6 },
    { key: 'name', label: '姓名', type: 'text', required: true, width: 10 },
    { key: 'gender', label: '性别', type: 'category', list: GENDER, required: true, width: 6 },
    { key: 'idcard', label: '身份证号', aliases: ['身份证号码', '身份证'], type: 'idcard', required: true, width: 21 },
    { key: 'age', label: '年龄', type: 'integer', required: true, width: 6 },
    { key: 'address', label: '家庭住址', type: 'text', required: true, width: 20 },
    { key: 'guardian', label: '监护人姓名', aliases: ['监护人'], type: 'text', required: true, width: 10 },
    { key: 'phone', label: '联系电话', type: 'phone', required: true, width: 13 },
    { key: 'notLearningReason', label: '不具备学习原因', note: '（与残疾证保持一致）', type: 'text', required: true, width: 18 },
    {
      key: 'personCategory', label: '人员类别', note: '（建档立卡贫困户或镇贫困户）', type: 'category',
      list: PERSON_CATEGORIES, listAliases: PERSON_CATEGORY_ALIASES, width: 16,
    },
    { key: 'sendSchool', label: '送教上门学校', type: 'text', required: true, width: 16 },
    { key: 'remark', label: '备注', type: 'text', width: 14 },
  ],
};
