import type { TableDefInput } from './schema';
import { FORM_PERSUASION_RESULTS, GENDER, YES_NO } from './lists';

const ADDRESS_HINT =
  '填写详细地址。示例: _____省(市、自治区)_____市(州)_____县(市、区) _____乡镇(街道、办事处)_____ (村、小区、门牌号码等)';

/**
 * 004 附件5: 江西省义务教育阶段辍学学生登记表 (一生一表). A form, not a list: each field is
 * a label with its value in the cell to its right. Labels that occur more than once
 * (联系电话, 与被核查人关系) are told apart by the label before them on the same row.
 */
export const jiangxiForm: TableDefInput = {
  id: 'jiangxi-form',
  version: 1,
  kind: 'form',
  source: '004 附件5',
  title: '江西省义务教育阶段辍学学生登记表',
  titleAliases: ['义务教育阶段辍学学生登记表', '辍学学生登记表', '一生一表'],
  preamble: ['设区市:', '县(市、区):', '填表日期:'],
  settings: { ageMin: 6, ageMax: 15, persuasionMinAttempts: 3, reportingPeriodDays: 31 },
  // 填表日期 after the reference date is date.future, like any date field.
  preambleFields: [{ section: '表头', key: 'formDate', label: '填表日期', type: 'date' }],
  fields: [
    { section: '基本信息', key: 'name', label: '姓名', type: 'text', required: true },
    { section: '基本信息', key: 'idcard', label: '居民身份证号码', aliases: ['身份证号码', '身份证号'], type: 'idcard', required: true },
    { section: '基本信息', key: 'birthDate', label: '出生日期', type: 'date', required: true },
    { section: '基本信息', key: 'gender', label: '性别', type: 'category', list: GENDER, required: true },
    { section: '基本信息', key: 'age', label: '年龄', type: 'integer', required: true },
    { section: '基本信息', key: 'ethnicity', label: '民族', type: 'text' },
    { section: '基本信息', key: 'health', label: '健康情况', type: 'text' },
    { section: '基本信息', key: 'studentNumber', label: '全国学籍号', type: 'text' },
    { section: '基本信息', key: 'guardian', label: '监护人1', aliases: ['监护人'], type: 'text', required: true },
    { section: '基本信息', key: 'guardianRelation', label: '与被核查人关系', type: 'text', required: true },
    { section: '基本信息', key: 'phone', label: '联系电话', type: 'phone', required: true },
    { section: '基本信息', key: 'guardian2', label: '监护人2', type: 'text' },
    { section: '基本信息', key: 'guardian2Relation', label: '与被核查人关系', type: 'text' },
    { section: '基本信息', key: 'guardian2Phone', label: '联系电话', type: 'phone' },
    { section: '基本信息', key: 'hukou', label: '户籍所在地', type: 'text', required: true, hint: ADDRESS_HINT },
    { section: '基本信息', key: 'school', label: '学籍所在地', type: 'text', hint: '要求同上' },
    { section: '基本信息', key: 'residence', label: '现居住地', type: 'text', required: true, hint: '要求同上' },
    { section: '辍学原因', key: 'reason', label: '辍学原因', type: 'longtext', required: true },
    { section: '辍学原因', key: 'familySituation', label: '家庭情况简述', type: 'longtext' },
    { section: '核查劝返情况', key: 'persuasionDone', label: '是否已开展劝返工作', type: 'category', list: YES_NO, required: true },
    { section: '核查劝返情况', key: 'persuasionCount', label: '劝返次数', type: 'integer', required: true },
    { section: '核查劝返情况', key: 'persuasionResult', label: '劝返结果', type: 'category', list: FORM_PERSUASION_RESULTS, required: true },
    { section: '核查劝返情况', key: 'notReturnedReason', label: '未复学原因', type: 'longtext' },
    { section: '核查劝返情况', key: 'persuasionUnit', label: '劝返单位', type: 'text', required: true },
    { section: '核查劝返情况', key: 'persuasionOwner', label: '劝返责任人', type: 'text', required: true },
    { section: '核查劝返情况', key: 'ownerPhone', label: '联系电话', type: 'phone' },
    {
      section: '核查劝返情况', key: 'persuasionRecord', label: '劝返过程详细记录', type: 'longtext', required: true,
      hint: '示例: 1. 什么时间, 具体人员, 赴什么地方, 如何开展劝返工作, 结果如何? (分次记录、简明扼要, 可附页。)',
    },
  ],
};
