/** Dropdown lists shared by several official tables, in the seeds' wording and order. */

export const GENDER = ['男', '女'];

/** 000 填表说明: 备注栏 学生类型. */
export const STUDENT_TYPES = ['家庭经济困难学生', '残疾儿童', '留守儿童', '事实无人抚养儿童', '孤困境儿童', '普通学生'];

/** 002 附件2/附件3: 核查结果 A–M. A–H are 核减项, I–M are 应劝返项. */
export const CHECK_RESULTS = [
  'A.户籍原因', 'B.在校有学籍', 'C.省内就读无学籍', 'D.省外就读无学籍', 'E.延缓入学', 'F.超龄离校',
  'G.失踪失联', 'H.出国在外', 'I.因病因残', 'J.入寺入教', 'K.打工务农', 'L.在家上学', 'M.其他原因',
];
/** The letters whose 复学情况 is 是/否 (应劝返项); the rest take 无. */
export const CHECK_RESULTS_TO_RETURN = ['I', 'J', 'K', 'L', 'M'];

/** 002 附件3: 复学情况. */
export const RETURN_STATUS = ['是', '否', '无'];

/** 004 附件1-2: 登记类型 填"失学辍学"或者"缓学休学". */
export const REGISTRATION_TYPES = ['失学辍学', '缓学休学'];

/**
 * 004 附件1-2 and 附件4: 人员类别 (建档立卡脱贫户或镇贫困户). The seed names two classes;
 * its 附件2 spells them 建档立卡贫困户 / 城镇贫困户, so those spellings are accepted too.
 */
export const PERSON_CATEGORIES = ['建档立卡脱贫户', '城镇贫困户'];
export const PERSON_CATEGORY_ALIASES: Record<string, string> = {
  建档立卡贫困户: '建档立卡脱贫户',
  脱贫户: '建档立卡脱贫户',
  镇贫困户: '城镇贫困户',
};

/** 004 附件2 备注: (建档立卡贫困户 / 城镇贫困户). */
export const POVERTY_TYPES = ['建档立卡贫困户', '城镇贫困户'];
export const POVERTY_TYPE_ALIASES: Record<string, string> = {
  建档立卡脱贫户: '建档立卡贫困户',
  镇贫困户: '城镇贫困户',
};

/**
 * 残疾类别: the seed (004 附件3) only says "与残疾证保持一致", so the list is the national one
 * of GB/T 26341-2010, whose digit 1–7 is the 19th character of a 残疾人证号.
 */
export const DISABILITY_CATEGORIES = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
export const DISABILITY_CATEGORY_ALIASES: Record<string, string> = {
  视力: '视力残疾', 听力: '听力残疾', 言语: '言语残疾', 肢体: '肢体残疾', 智力: '智力残疾', 精神: '精神残疾', 多重: '多重残疾',
};

/** 004 附件3 就学情况（填是否入学）. */
export const ENROLLED = ['是', '否'];
export const ENROLLED_ALIASES: Record<string, string> = { 已入学: '是', 未入学: '否' };

/** 004 附件5 一生一表. */
export const YES_NO = ['是', '否'];
export const FORM_PERSUASION_RESULTS = ['已复学', '未复学'];
