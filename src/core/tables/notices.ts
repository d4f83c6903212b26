import type { TableDefInput } from './schema';

/**
 * 001's 式样 cite 《中华人民共和国义务教育法》《山东省义务教育条例》: the province's regulation is
 * 枣庄's, so {law} is filled from the county's profile (profiles/*.json `law`), else with the
 * national law alone.
 */
const LAW = '按照{law}有关规定和要求，接受义务教育是法律赋予每个适龄儿童的权利和义务。';

/** What notices cite without a profile that names the province's regulation. */
export const DEFAULT_LAW = ['《中华人民共和国义务教育法》'];

/** 001 附件2: 义务教育入学通知书（式样）. {law}: see LAW. */
export const enrolNotice: TableDefInput = {
  id: 'notice-enrol',
  version: 1,
  kind: 'notice',
  source: '001 附件2',
  title: '义务教育入学通知书',
  body: [
    '{guardian}（父母或法定监护人）：',
    `${LAW}您的孩子（被监护人）{child}已经达到接受义务教育年龄，请您于{month}月{day}日前送其到{school}学校报到入学。`,
    '感谢您的支持和配合。',
    '{unit}（单位）',
    '{date}',
  ],
};

/** 001 附件3: 义务教育复学通知书（式样）; 003 calls it 限期复学通知书. */
export const returnNotice: TableDefInput = {
  id: 'notice-return',
  version: 1,
  kind: 'notice',
  source: '001 附件3',
  title: '义务教育复学通知书',
  titleAliases: ['限期复学通知书', '复学通知书'],
  body: [
    '{guardian}（父母或法定监护人）：',
    `${LAW}您的孩子（被监护人）{child}处于接受义务教育年龄，请您于{month}月{day}日前送其到{school}学校报到入读。`,
    '感谢您的支持和配合。',
    '{unit}（单位）',
    '{date}',
  ],
};
