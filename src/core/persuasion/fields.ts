import { findPeople } from './people';

/** How an attempt reached the family, by the words clerks use for it. */
const METHODS: readonly (readonly [string, RegExp])[] = [
  ['入户', /入户|到[^，,。；;]{0,8}家|上门|家访|走访|登门/],
  ['电话', /电话|致电|通话/],
  ['微信', /微信|QQ|qq/],
  ['短信', /短信/],
  ['视频', /视频/],
  ['到校', /(?:请|约(?!定)|邀|通知)[^，,。；;]{0,8}(?:到校|来校|到学校)|来校|(?:到校|在校)(?:面谈|约谈|谈话|沟通)|约谈/],
  ['书面', /通知书|告知书|承诺书|责任书|书面|送达/],
];
/** 赴浙江宁波, 前往务工地: where the team travelled to. */
const JOURNEY = /(?:赴|前往)([\u4e00-\u9fa5]{2,8}?)(?=[，,。；;、与对找开进劝和\s]|$)/;

/** 入户, 电话, 赴浙江 … joined by 、; null when the attempt does not say. */
export function findMethod(folded: string): string | null {
  // Joined as found: most attempts have one method, given as its label with nothing allocated.
  let found: string | null = null;
  for (const [label, re] of METHODS) if (re.test(folded)) found = found === null ? label : `${found}、${label}`;
  const journey = JOURNEY.exec(folded);
  if (journey) found = found === null ? `赴${journey[1]}` : `${found}、赴${journey[1]}`;
  return found;
}

const WORK_WORDS = /劝|联系|沟通|谈心|谈话|宣传|动员|走访|家访|入户|约谈|送达|告知|讲解|教育|思想工作|做工作|了解/;

/** Reads as an attempt of its own (someone did something), not the tail of the one before. */
export function isAttemptLike(folded: string): boolean {
  return WORK_WORDS.test(folded) || findMethod(folded) !== null || findPeople(folded).names.length > 0;
}
