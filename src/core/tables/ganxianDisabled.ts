import type { TableDefInput } from './schema';
import { DISABILITY_CATEGORIES, DISABILITY_CATEGORY_ALIASES, ENROLLED, ENROLLED_ALIASES, GENDER } from './lists';

/** 004 附件3: 义务教育阶段适龄残疾儿童就学台账. */
export const ganxianDisabled: TableDefInput = {
  id: 'ganxian-disabled',
  version: 1,
  kind: 'ledger',
  source: '004 附件3',
  title: '义务教育阶段适龄残疾儿童就学台账',
  titleAliases: ['赣县区义务教育阶段适龄残疾儿童就学台账', '适龄残疾儿童就学台账', '残疾儿童就学台账'],
  preamble: ['学校名称： (盖章)   年 月 日'],
  settings: { ageMin: 6, ageMax: 15 },
  templateRows: 11,
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
    {
      key: 'disabilityCategory', label: '残疾类别', note: '(与残疾证保持一致)', type: 'category',
      list: DISABILITY_CATEGORIES, listAliases: DISABILITY_CATEGORY_ALIASES, required: true, width: 12,
    },
    { key: 'grade', label: '年级', type: 'text', width: 8 },
    { key: 'enrolled', label: '就学情况', note: '(填是否入学)', type: 'category', list: ENROLLED, listAliases: ENROLLED_ALIASES, required: true, width: 10 },
    { key: 'remark', label: '备注', type: 'text', width: 14 },
  ],
};
