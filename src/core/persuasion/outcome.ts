/**
 * How an attempt ended, read clause by clause. A clause states an outcome by its shape, not by a
 * fixed phrase: the family answering (家长称…, 孩子表示…), someone back at school (已于当日到校报到),
 * a thing done on the spot (当场签订承诺书), the attempt's own verdict (劝返未果), or the family not
 * reached (无人接听). A clause that only reports what was learnt (了解到孩子在外打工) may or may not
 * be the result: the attempt is then marked unsure, which the rules show as a warning.
 */
import { charTable } from './text';
import { grown } from '../model/typedArray';

/** Words of an outcome: the family's answer, not seeing the child, the child back at school. */
const OUTCOME_WORDS =
  '同意|答应|愿意|不愿|拒绝|拒不|不肯|不想|不再|仍|依然|依旧|还是|未见|没见|未能|没能|没有见|联系不上|无法联系|无人接听|未接|' +
  '关机|停机|空号|挂断|拒接|无人|没人|不在家|大门紧锁|搬走|下落不明|去向不明|成功|失败|无果|未果|无效|效果|收效|不配合|表示|态度|' +
  '决定|坚持|犹豫|暂不|暂未|尚未|未返校|没有返校|承诺|保证|考虑|结果|签订|签署|签字|签了|写下|立下|有所|好转|转变|缓和|改善|做通|说通|劝通|想通';
/** Who answers for the family; a clause they open is what they said or did. */
const FAMILY =
  '家长|学生|孩子|小孩|监护人|其?父亲|其?母亲|其父|其母|父母|爸爸|妈妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|哥哥|姐姐|叔叔|姑姑|舅舅|' +
  '家属|家人|亲属|本人|该生|对方|双方';
const SPEECH = '称|说|讲|表示|回复|答复|反映|回应|坦言|表态|告诉|承认|认为|希望|要求|声称|答|讲明|明确';
/** Said, with its speaker left out as in the clause before (家长主动联系老师，说孩子想回学校). */
const SAID = '说(?!明|服)|称|回复|答复|答应';
/** A clause opened by what did not happen: 未发现异常, 没有见到, 无法接通. */
const NOT_DONE = '(?:但|仍|还|均)?(?:未|没有?|无法|不能)';
/** Back at school, or gone: 已于当日到校报到上课, 已经返校, 已随父母外出. */
const DONE = '已(?:经)?[^，,。；;]{0,8}?(?:到校|返校|报到|上课|入学|复学|就读|回校|上学|外出|离开|搬|签)';
/** What the family does or feels, or does not: back at school, 不/没/未…, 已…, 想/愿/要…, 认识到…. */
const FAMILY_DOES = '返校|到校|回|报到|上学|复学|入学|上课|不|没|未|拒|已|仍|愿|想|要|会|有|很|非常|十分|认识|意识|明白|理解|接受|签|感谢|哭';
/** Words that may open a clause before its subject: 但家长…, 经劝说后学生…. */
const LEAD = '(?:但|而|后|最终|最后|随后|当时|经[^，,。；;]{1,5}?后?)?';
/** A clause the family opens: what they said (家长称…) or did of their own accord (孩子次日返校). */
const FAMILY_CLAUSE = new RegExp(
  `^\\s*${LEAD}(?:(?:${FAMILY})[^，,。；;]{0,8}?(?:${SPEECH}|${FAMILY_DOES})|${SAID}|${NOT_DONE})`,
);
/** Done there and then: 当场签订承诺书, 当即表态. */
const AT_ONCE = '当场|当即|随即表示';

/** An outcome anywhere in a clause, whoever opens it. */
const OUTCOME = new RegExp(`${DONE}|${AT_ONCE}|${OUTCOME_WORDS}`);
/** Who the outcome is about, kept with it: 家长同意 rather than 同意. */
const SUBJECT_BEFORE = new RegExp(`(?:${FAMILY})(?:均|都|也|仍|表示)?$`);
/** What was learnt, not how it ended: a result to a lenient reader, not to a strict one. */
const LEARNT = new RegExp(`了解到|得知|获悉|据悉|据了解|经了解|经核实|核实|发现|^(?:${FAMILY})|目前|现在|在外|打工|务工`);
/** What ends a clause: ，,；;。！!？? and a line break. */
const CLAUSE_BREAK = charTable('，,；;。！!？?\n');

export interface Outcome {
  /** Where the outcome starts; null when the attempt states none. */
  at: number | null;
  /** The only candidate is a clause of what was learnt: maybe the result, maybe not. */
  unsure: boolean;
}

const isOutcome = (clause: string) => FAMILY_CLAUSE.test(clause) || OUTCOME.test(clause);

/**
 * Where each clause starts, in a buffer reused from attempt to attempt (an array per attempt
 * would be garbage per attempt); clauseStarts returns how many there are.
 */
let starts = new Int32Array(64);

function clauseStarts(folded: string): number {
  let n = 1;
  starts[0] = 0;
  for (let i = 0; i < folded.length; i++) {
    if (CLAUSE_BREAK[folded.charCodeAt(i)] !== 1) continue;
    if (n === starts.length) starts = grown(starts, n * 2);
    starts[n++] = i + 1;
  }
  return n;
}

/** Clause i of `n`. */
function clause(folded: string, i: number, n: number): string {
  return folded.slice(starts[i], i + 1 < n ? starts[i + 1] : folded.length);
}

/**
 * Where the outcome of an attempt starts: its first outcome clause after the opening one (who
 * did what), else the outcome inside the opening clause with who it is about (家长同意), else
 * the first clause of what was learnt, marked unsure.
 */
export function findOutcome(folded: string, from = 0): Outcome {
  const n = clauseStarts(folded);
  // The opening clause is read from `from`: after its date, 学生到校报到 is opened by the family.
  starts[0] = Math.min(from, n > 1 ? starts[1]! : folded.length);
  for (let i = 1; i < n; i++) if (isOutcome(clause(folded, i, n))) return { at: starts[i]!, unsure: false };
  if (FAMILY_CLAUSE.test(clause(folded, 0, n))) return { at: starts[0]!, unsure: false };
  const first = OUTCOME.exec(clause(folded, 0, n));
  if (first) {
    const at = starts[0]! + first.index;
    const subject = SUBJECT_BEFORE.exec(folded.slice(0, at));
    return { at: subject ? subject.index : at, unsure: false };
  }
  for (let i = 1; i < n; i++) if (LEARNT.test(clause(folded, i, n).trim())) return { at: starts[i]!, unsure: true };
  return { at: null, unsure: false };
}
