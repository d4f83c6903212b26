import type { RuleCatalogue } from './types';

export const returnStatusTexts: RuleCatalogue = {
  'return-status.should-be-yes-no': {
    title: '复学情况与核查结果不符',
    message: (p) => `核查结果为“${p.result}”，属于应劝返的I类-M类，复学情况应填“是”或“否”，不能填“无”`,
    fix: '已复学的填“是”，尚未复学的填“否”',
  },
  'return-status.should-be-none': {
    title: '复学情况与核查结果不符',
    message: (p) => `核查结果为“${p.result}”，属于核减的A类-H类，复学情况应填“无”，不能填“${p.status}”`,
    fix: '把复学情况改为“无”；若孩子实际失学辍学，请先改正核查结果',
  },
  'return-status.no-planned-date': {
    title: '未写拟复学日期',
    message: () => '劝返结果为“尚未复学”，但没有写明拟于何月何日返校复学',
    fix: '按“2.尚未复学，拟于XX月XX日返校复学”的格式写明日期',
  },
  'return-status.bad-planned-date': {
    title: '拟复学日期不存在',
    message: (p) => `拟复学日期“${p.date}”不是一个真实的日期`,
    fix: '改为正确的月、日',
  },
  'return-status.invalid-result': {
    title: '劝返结果写法不对',
    message: (p) => `劝返结果“${p.value}”不是规定的两种写法`,
    fix: '填写“1.已复学”，或“2.尚未复学，拟于XX月XX日返校复学”',
  },
  'return-status.incomplete': {
    title: '复学信息不完整',
    message: (p) => `已填写${p.filled}，但“${p.column}”为空：复学学校、复学时间、班级应同时填写`,
    fix: (p) => `已复学的补填“${p.column}”；尚未复学的三项都不填`,
  },
  'return-status.not-returned-reason': {
    title: '未写未复学原因',
    message: () => '劝返结果为“未复学”，但“未复学原因”为空',
    fix: '写明孩子尚未复学的具体原因',
  },
};
