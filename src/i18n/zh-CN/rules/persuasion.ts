import type { RuleCatalogue } from './types';

/** How 004 附件5 asks each attempt to be written. */
const HOW = '按“什么时间、具体人员、赴什么地方、如何开展劝返工作、结果如何”分次记录';

export const persuasionTexts: RuleCatalogue = {
  'persuasion.missing': {
    title: '缺少劝返记录',
    message: () => '该生没有劝返过程记录',
    fix: `${HOW}每一次劝返；劝返记录应真实，不得编造`,
  },
  'persuasion.no-date': {
    title: '劝返未写日期',
    message: (p) => `第${p.attempts}次劝返没有写明日期`,
    fix: '为每次劝返写明日期，如“6月12日”',
  },
  'persuasion.unclear-date': {
    title: '劝返日期不明确',
    message: (p) => `第${p.attempts}次劝返只写了大致时间，没有写明具体日期`,
    fix: '把“春节期间”“开学初”等改为实际劝返的日期，如“2月12日”',
  },
  'persuasion.bad-date': {
    title: '劝返日期有误',
    message: (p) => `第${p.attempt}次劝返的日期“${p.date}”不是有效日期`,
    fix: '改为实际劝返的日期，如“6月12日”',
  },
  'persuasion.no-person': {
    title: '劝返未写人员',
    message: (p) => `第${p.attempts}次劝返没有写明由谁劝返`,
    fix: '写明参加劝返的具体人员，如“王老师”“网格员孙某”“村干部”',
  },
  'persuasion.unclear-person': {
    title: '劝返人员不明确',
    message: (p) => `第${p.attempts}次劝返只写了“我”“学校”等，没有写明具体人员`,
    fix: '写明参加劝返的具体人员的职务和姓名，如“班主任李明”“网格员孙某”',
  },
  'persuasion.no-result': {
    title: '劝返未写结果',
    message: (p) => `第${p.attempts}次劝返没有写明结果`,
    fix: '写明每次劝返的结果，如“家长同意下周送孩子返校”“学生仍不愿返校”“未见到学生本人”',
  },
  'persuasion.unclear-result': {
    title: '劝返结果不明确',
    message: (p) => `第${p.attempts}次劝返只写了了解到的情况，看不出劝返结果`,
    fix: '写明这次劝返的结果，如“家长同意春节后送孩子返校”“学生仍不愿返校”“劝返未果”',
  },
  'persuasion.future': {
    title: '劝返日期晚于核查日期',
    message: (p) => `第${p.attempt}次劝返的日期 ${p.date} 晚于核查日期 ${p.referenceDate}`,
    fix: '核对劝返日期：记录只能写已经开展的劝返',
  },
  'persuasion.order': {
    title: '劝返日期先后颠倒',
    message: (p) =>
      `第${p.later}次劝返（${p.laterDate}）早于第${p.earlier}次（${p.earlierDate}）` +
      (p.inferred ? '；记录未写年份，年份按核查日期推定' : ''),
    fix: '按时间先后分次记录，并核对各次劝返的日期',
  },
  'persuasion.too-few': {
    title: '劝返次数偏少',
    message: (p) => `劝返记录只有 ${p.count} 次，少于要求的 ${p.min} 次`,
    fix: '对尚未复学的学生持续开展劝返并分次记录；已复学的，核对是否漏记了劝返',
  },
  'persuasion.count-mismatch': {
    title: '劝返次数与记录不符',
    message: (p) =>
      p.kind === 'done-no'
        ? `“是否已开展劝返工作”填“否”，劝返过程记录却写了 ${p.written} 次劝返`
        : p.kind === 'done-yes'
          ? '“是否已开展劝返工作”填“是”，却没有劝返过程记录'
          : `劝返次数填 ${p.declared}，劝返过程记录写了 ${p.written} 次`,
    fix: '使“劝返次数”“是否已开展劝返工作”与劝返过程记录一致',
  },
  'persuasion.owner-absent': {
    title: '劝返责任人未参加劝返',
    message: (p) => `劝返责任人“${p.owner}”没有出现在劝返过程记录中`,
    fix: '核对劝返责任人；如其参加了劝返，在记录中写明',
  },
  'persuasion.stale': {
    title: '劝返中断',
    message: (p) => `学生尚未复学，最近一次劝返在 ${p.last}，距核查日期已 ${p.days} 天（超过 ${p.period} 天）`,
    fix: '久劝未返的学生不得放弃，继续开展劝返并及时记录',
  },
  'persuasion.copied': {
    title: '劝返记录雷同',
    message: (p) => `与第${p.rows}行${Number(p.more) > 0 ? `等 ${p.others} 行` : ''}的劝返记录雷同`,
    fix: '按每个学生的实际劝返情况如实记录，不得编造或复制劝返记录',
  },
};
