import { findPeople } from './people';

/** How an attempt reached the family, by the words clerks use for it. */
const METHODS: readonly (readonly [string, RegExp])[] = [
  ['入户', /入户|到[^，,。；;]{0,8}家|上门|家访|走访|登门/],
  ['电话', /电话|致电|通话/],
  ['微信', /微信|QQ|qq/],
  ['短信', /短信/],
  ['视频', /视频/],
  ['到校', /(?:请|约|邀|通知)[^，,。；;]{0,8}(?:到校|来校|到学校)|来校|(?:到校|在校)(?:面谈|约谈|谈话|沟通)|约谈/],
  ['书面', /通知书|告知书|承诺书|责任书|书面|送达/],
];
/** 赴浙江宁波, 前往务工地: where the team travelled to. */
const JOURNEY = /(?:赴|前往)([\u4e00-\u9fa5]{2,8}?)(?=[，,。；;、与对找开进劝和\s]|$)/;

/** 入户, 电话, 赴浙江 … joined by 、; null when the attempt does not say. */
export function findMethod(folded: string): string | null {
  const found: string[] = [];
  for (const [label, re] of METHODS) if (re.test(folded)) found.push(label);
  const journey = JOURNEY.exec(folded);
  if (journey) found.push(`赴${journey[1]}`);
  return found.length ? found.join('、') : null;
}

/**
 * Words of an outcome: the family's answer (同意, 不愿, 拒绝 …), not seeing the child, or the
 * child back at school. Words that also describe the work itself (返校安排, 复学政策) are not here.
 */
const RESULT_WORDS =
  /同意|答应|愿意|不愿|拒绝|拒不|不肯|不想|不再|仍|依然|依旧|还是|未见|没见|未能|没能|没有见|联系不上|无法联系|无人接听|未接|关机|无人|不在家|已返校|已复学|已入学|已到校|已就读|已上学|按时返校|返校就读|成功|失败|无果|未果|效果|收效|不配合|表示|态度|决定|坚持|犹豫|暂不|暂未|尚未|未返校|没有返校|承诺|保证|考虑|结果/;
/** Who the outcome is about, kept with it: 家长同意 rather than 同意. */
const SUBJECT_BEFORE = /(?:家长|学生|监护人|孩子|本人|该生|其父亲?|其母亲?|父亲|母亲|父母|爷爷|奶奶|家属|双方)(?:均|都|也|仍|表示)?$/;
const CLAUSE_BREAK = /[，,；;。！!？?\n]/g;

/**
 * Where the outcome of an attempt starts: its first outcome clause after the opening one (who
 * did what), else the outcome word inside the opening clause with who it is about (家长同意).
 */
export function findResult(folded: string): number | null {
  const starts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(folded); m !== null; m = CLAUSE_BREAK.exec(folded)) starts.push(m.index + 1);
  for (let i = 1; i < starts.length; i++) {
    if (RESULT_WORDS.test(folded.slice(starts[i], starts[i + 1] ?? folded.length))) return starts[i]!;
  }
  const first = RESULT_WORDS.exec(folded.slice(0, starts[1] ?? folded.length));
  if (!first) return null;
  const subject = SUBJECT_BEFORE.exec(folded.slice(0, first.index));
  return subject ? subject.index : first.index;
}

const WORK_WORDS = /劝|联系|沟通|谈心|谈话|宣传|动员|走访|家访|入户|约谈|送达|告知|讲解|教育|思想工作|做工作|了解/;

/** Reads as an attempt of its own (someone did something), not the tail of the one before. */
export function isAttemptLike(folded: string): boolean {
  return WORK_WORDS.test(folded) || findMethod(folded) !== null || findPeople(folded).names.length > 0;
}
