import type { TableDefInput } from './schema';
import { GENDER, POVERTY_TYPES, POVERTY_TYPE_ALIASES } from './lists';

/** 004 附件2: 脱贫户子女辍学学生劝返复学工作台账. */
export const ganxianReturn: TableDefInput = {
  id: 'ganxian-return',
  version: 1,
  kind: 'ledger',
  source: '004 附件2',
  title: '脱贫户子女辍学学生劝返复学工作台账',
  titleAliases: ['赣县区脱贫户子女辍学学生劝返复学工作台账', '劝返复学工作台账'],
  footer: ['学校：(盖章)', '时间： 年 月'],
  settings: { ageMin: 6, ageMax: 15 },
  templateRows: 11,
  templateNumbered: true,
  columns: [
    { key: 'serial', label: '序号', type: 'serial', required: true, width: 6 },
    { key: 'school', label: '原就读学校', type: 'text', required: true, width: 16 },
    { key: 'name', label: '姓名', type: 'text', required: true, width: 10 },
    { key: 'gender', label: '性别', type: 'category', list: GENDER, required: true, width: 6 },
    { key: 'age', label: '年龄', type: 'integer', required: true, width: 6 },
    { key: 'dropoutDate', label: '辍学时间', type: 'date', required: true, width: 12 },
    { key: 'returnSchool', label: '复学学校', type: 'text', width: 16 },
    { key: 'returnDate', label: '复学时间', type: 'date', width: 12 },
    { key: 'className', label: '班级', type: 'text', width: 10 },
    {
      key: 'povertyType', label: '备注', note: '(建档立卡贫困户 / 城镇贫困户)', type: 'category',
      list: POVERTY_TYPES, listAliases: POVERTY_TYPE_ALIASES, required: true, width: 16,
    },
  ],
};
