/**
 * Who went: the people and bodies a 劝返 record names (王老师, 网格员孙某, 村干部, 派出所民警 …),
 * and a loose comparison of a person with the 劝返责任人 cell.
 */
import { charTable, SPACES } from './text';

/** Titles and bodies that do persuasion work; longest first so 班主任 wins over 主任. */
const ROLES = [
  '驻村第一书记', '村党支部书记', '驻村工作队员', '驻村工作队', '党支部书记', '包保责任人', '帮扶责任人', '结对帮扶人',
  '第一书记', '工作队员', '驻村干部', '支部书记', '校长助理', '教导主任', '政教主任', '德育主任', '年级主任', '教务主任',
  '社区干部', '帮扶干部', '包村干部', '工作人员', '巡回法庭', '村委会', '居委会', '工作队', '副校长', '副主任', '副书记',
  '班主任', '村主任', '村支书', '村书记', '村干部', '镇干部', '乡干部', '网格员', '网格长', '辅导员', '派出所', '司法所',
  '检察官', '教育局', '教体局', '教育股', '中心校', '镇政府', '乡政府', '街道办', '责任人', '帮扶人', '志愿者',
  '校长', '主任', '书记', '干部', '老师', '教师', '民警', '辅警', '警官', '干警', '妇联', '团委', '残联', '村委', '村长',
  '镇长', '乡长', '组长', '队长', '所长', '局长', '股长', '科长', '部长', '站长', '委员', '专干', '社工', '法官', '律师',
  '法庭', '支书', '领导', '负责人', '联系人', '包保人', '专干', '干事', '队员', '班子成员', '代表', '院长', '主席', '综治办',
];
/**
 * Any other …员 is a title too (调解员, 联络员, 宣传员, 执法人员): the head of the word names the
 * person, whatever comes before it. Verbs that end in 员 are not (see NOT_TITLE).
 */
const ANY_YUAN = '[\\u4e00-\\u9fa5]{1,2}人员|[\\u4e00-\\u9fa5]?[\\u4e00-\\u9fa5]员';
const NOT_TITLE = /(?:动|复|减|满|裁|增|扩|全|庭成|学)员$/;

/**
 * Common surnames, leaving out those that are also everyday words before a title (和老师 "and the
 * teacher", 文老师 in 语文老师, 党 in 党支部书记, 位 in 两位老师 …).
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧肖蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟' +
  '姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎闫薛尹段雷黎龙陶贺顾毛郝龚邵万钱严覃武洪莫孔汤常温康施牛樊葛邢齐易' +
  '乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻' +
  '祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪简车项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇' +
  '桑郎甄丛仲虞敖巩佘池查麻苑迟邝封匡鞠惠荆冀郁胥储栗燕楚鄢谌奚皮粟冼蔺楼闻厉仝郜阚权帅屠朴盖练廉禹祖漆巴丰卿狄' +
  '晋扈晁芮阙浦戈鹿薄邸雍辜羊乌裘亓邰赫杭况逯隆茹诸慕亢嵇湛宾戎勾茅';
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '慕容', '令狐', '公孙', '夏侯', '尉迟', '长孙', '宇文', '司徒', '西门', '南宫', '独孤', '端木', '轩辕'];

/** Bodies a title may be prefixed with: 镇/村干部, 派出所民警, 学校老师. */
const ORGS = [
  '镇政府', '乡政府', '街道办', '教育局', '教体局', '中心校', '派出所', '司法所', '社区', '街道', '学校', '驻村',
  // What a title's holder is in charge of: 镇分管领导, 包村干部, 挂点领导.
  '分管', '包村', '包片', '包保', '挂点', '挂村', '镇', '乡', '村', '县', '区',
];

const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`;
/** 某, 某某, X, ×: a name kept out of the record. */
const PLACEHOLDER = '(?:某某?|[Xx×*]{1,2})';
/** What may follow a name written after its title (网格员孙丽到…, 校长张某、…). */
const AFTER_NAME = '(?=[到去赴前往来电通与和同及、,，。;；:：\\s一在对向给将于入打等带陪共再又分]|$)';
const ROLE = `(?:${ROLES.join('|')}|${ANY_YUAN})`;

/*
 * A person is found from its title outwards: titles alone scan fast; the surname or body before
 * (王老师, 镇/村干部) and the name after (网格员孙某) are read only around each title.
 */
const ROLE_RE = new RegExp(ROLE, 'y');
const BEFORE_ROLE = new RegExp(`(?:${SURNAME}(?:${PLACEHOLDER}|[\\u4e00-\\u9fa5])?)?(?:(?:${ORGS.join('|')})[/、]?)*$`, 'y');
const AFTER_ROLE = new RegExp(`${SURNAME}(?:${PLACEHOLDER}|[\\u4e00-\\u9fa5]{1,2}${AFTER_NAME})`, 'y');
/** Longest reach before a title: a compound surname with 某某 or a given name, and bodies (镇政府/). */
const BEFORE_WINDOW = 12;
/** Titles that are bodies too, and so may stand before another title (派出所民警). */
const BODY_ROLES = new Set(ORGS.filter((o) => ROLES.includes(o)));

interface Span {
  start: number;
  end: number;
  /** The title alone, with nothing before or after it. */
  bare: boolean;
}

/** Characters that can stand right before a title, or one further back: a name's or a body's. */
const BEFORE_CHARS = charTable(SURNAMES + COMPOUND_SURNAMES.join('') + ORGS.join('') + '/、某Xx×*');

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fa5;
/** The characters a surname starts with: where a name can start. */
const SURNAME_FIRST = charTable(SURNAMES + COMPOUND_SURNAMES.map((n) => n[0]).join(''));

/** The characters a listed title starts with, and its first two (every title has two or more). */
const ROLE_FIRST = charTable(ROLES.map((r) => r[0]).join(''));
const ROLE_FIRST_TWO = new Set(ROLES.map((r) => r.charCodeAt(0) * 0x10000 + r.charCodeAt(1)));

/** Where the title nextRole found last ends. */
let roleEnd = 0;

/**
 * Where the title ROLE_RE finds first at or after `from` starts (−1: none; it ends at roleEnd),
 * as a global scan would find it, but tried only where one can start: at a listed title's first
 * two characters, or at a Han character with 员 one to three characters on (ANY_YUAN). Most
 * characters of a record are neither, and a regex call costs far more than a look at a table.
 */
function nextRole(folded: string, from: number): number {
  const last = folded.length - 1;
  let yuan = folded.indexOf('员', from + 1);
  for (let at = from; at < last; at++) {
    const c = folded.charCodeAt(at);
    if (yuan !== -1 && yuan <= at) yuan = folded.indexOf('员', at + 1);
    const listed = ROLE_FIRST[c] === 1 && ROLE_FIRST_TWO.has(c * 0x10000 + folded.charCodeAt(at + 1));
    if (!listed && !(yuan !== -1 && yuan - at <= 3 && isHan(c))) continue;
    ROLE_RE.lastIndex = at;
    // test, not exec: where it ends is all that is needed, without a match array per title.
    if (ROLE_RE.test(folded)) {
      roleEnd = ROLE_RE.lastIndex;
      return at;
    }
  }
  return -1;
}

/** Where a surname or a body can start. */
const BEFORE_FIRST = charTable(SURNAMES + [...COMPOUND_SURNAMES, ...ORGS].map((n) => n[0]).join(''));

/**
 * Where the person before a title starts in `before` (the text up to the title): the leftmost
 * place from which a surname and bodies run to its end, else its end. BEFORE_ROLE is tried only
 * where a surname or a body can start.
 */
function personBefore(before: string): number {
  for (let at = 0; at < before.length; at++) {
    if (BEFORE_FIRST[before.charCodeAt(at)] !== 1) continue;
    BEFORE_ROLE.lastIndex = at;
    if (BEFORE_ROLE.test(before)) return at;
  }
  return before.length;
}

/** Whether anything of a person can stand before the title at `at` (most titles stand alone). */
function mayExtendBefore(folded: string, at: number, floor: number): boolean {
  return (at - 1 >= floor && BEFORE_CHARS[folded.charCodeAt(at - 1)] === 1) || (at - 2 >= floor && BEFORE_CHARS[folded.charCodeAt(at - 2)] === 1);
}

/** The title nextRole found, [at, roleEnd), is a verb (动员, 复员) rather than a title. */
const verbInYuan = (folded: string, at: number) => folded.charCodeAt(roleEnd - 1) === 0x5458 && NOT_TITLE.test(folded.slice(at, roleEnd));

function titledSpans(folded: string): Span[] {
  const out: Span[] = [];
  for (let at = nextRole(folded, 0); at !== -1; ) {
    if (verbInYuan(folded, at)) {
      at = nextRole(folded, at + 1);
      continue;
    }
    const titleEnd = roleEnd;
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    const joinsPrev = prev !== undefined && prev.bare && prev.end === at && BODY_ROLES.has(folded.slice(prev.start, prev.end));
    const floor = Math.max(0, at - BEFORE_WINDOW, prev && !joinsPrev ? prev.end : 0);
    let start = at;
    if (mayExtendBefore(folded, at, floor)) start = floor + personBefore(folded.slice(floor, at));
    if (joinsPrev) {
      start = prev.start;
      out.pop();
    }
    AFTER_ROLE.lastIndex = titleEnd;
    const after = SURNAME_FIRST[folded.charCodeAt(titleEnd)] === 1 ? AFTER_ROLE.exec(folded) : null;
    const end = after ? after.index + after[0].length : titleEnd;
    out.push({ start, end, bare: start === at && end === titleEnd });
    at = nextRole(folded, end);
  }
  return out;
}

/** 孙某, 王某某, 李XX: a name kept out of the record, standing without a title (not 于某日). */
const HAS_PLACEHOLDER = /[某Xx×*]/;
const HIDDEN_NAME_RE = new RegExp(`(?:${SURNAME}|[向文])${PLACEHOLDER}(?![日天时次处地种些个年月位])`, 'y');
const HIDDEN_FIRST = charTable(SURNAMES + COMPOUND_SURNAMES.map((n) => n[0]).join('') + '向文');
const mayHide = (folded: string, at: number) => HIDDEN_FIRST[folded.charCodeAt(at)] === 1;

/** The first match of a sticky `re` at or after `from`, tried only where `can` says it may start. */
function nextAt(re: RegExp, can: (folded: string, at: number) => boolean, folded: string, from: number): RegExpExecArray | null {
  for (let at = from; at < folded.length; at++) {
    if (!can(folded, at)) continue;
    re.lastIndex = at;
    const m = re.exec(folded);
    if (m !== null) return m;
  }
  return null;
}

/** Names without a title that fall outside the titled people already found. */
function hiddenNames(folded: string, titled: readonly Span[]): Span[] {
  const out: Span[] = [];
  if (!HAS_PLACEHOLDER.test(folded)) return out;
  for (let m = nextAt(HIDDEN_NAME_RE, mayHide, folded, 0); m !== null; m = nextAt(HIDDEN_NAME_RE, mayHide, folded, m.index + m[0].length)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!overlapsAny(titled, start, end)) out.push({ start, end, bare: false });
  }
  return out;
}

/**
 * A full name written without a title (孙敏到学生家中, 由李明、王刚负责): a surname and one or two
 * characters, standing where a clause's subject stands and followed by what a person does.
 */
const BARE_NAME_RE = new RegExp(
  `(?:${SURNAME})[\\u4e00-\\u9fa5]{1,2}?(?=到|去|赴|前往|来到|来校|电话|致电|打电话|联系|入户|上门|走访|家访|再次|再|又|带|陪|会同|协同|` +
    `一起|一同|一行|等人|等|与|和|同|及|、|对|向|给|通过|利用|找|约|深入|前去|亲自|专程|继续|负责|进行|开展|组织|讲解|宣传|告知|` +
    `劝说|劝导|说服|谈话|谈心|沟通|解释|介绍|动员|做|微信|视频|发送|送达|安排|邀请|请|协调|督促|帮助|帮|送|接|召开|主持|登门|` +
    `看望|探望|慰问|陪同|带领|率)`,
  'y',
);
/**
 * What may stand right before a subject: a break, the end of a date or time of day, 由/与/和 …
 * (邀请, 会同, 陪同 and 协同 end in a character that counts alone; 联合 does not).
 */
const SUBJECT_AFTER = charTable(`${SPACES}，,。；;、:：)）日号午上由与和同及跟请`);

/** A bare name may start at `at`: a surname stands where a clause's subject does. */
function maySubject(folded: string, at: number): boolean {
  if (SURNAME_FIRST[folded.charCodeAt(at)] !== 1) return false;
  return at === 0 || SUBJECT_AFTER[folded.charCodeAt(at - 1)] === 1 || (at >= 2 && folded.startsWith('联合', at - 2));
}
/** Characters no given name is made of here: they make the "name" a word (于是, 尚未, 周末, 何时). */
const NOT_GIVEN = /[于当日天次是今本同近上下午晚早该某在到去和与及等的了也都又再就才从向对给被把将为以而并但或即因所这那其此每各多少个位名人家校村镇乡县区市省未曾经已独度续时末常期间后前称说]/;

/** The given name of a bare name: what follows its surname. */
const givenName = (name: string) => name.slice(name.length === 2 || !COMPOUND_SURNAMES.includes(name.slice(0, 2)) ? 1 : 2);

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const p of spans) if (start < p.end && end > p.start) return true;
  return false;
}

function bareNames(folded: string, found: readonly Span[], childName: string | undefined): Span[] {
  const out: Span[] = [];
  for (let m = nextAt(BARE_NAME_RE, maySubject, folded, 0); m !== null; ) {
    const start = m.index;
    const end = start + m[0].length;
    // Most candidates are a titled person's surname (王 of 王老师): ruled out before any slicing.
    if (!overlapsAny(found, start, end) && !NOT_GIVEN.test(givenName(m[0])) && m[0] !== childName) {
      out.push({ start, end, bare: false });
      m = nextAt(BARE_NAME_RE, maySubject, folded, end);
    } else m = nextAt(BARE_NAME_RE, maySubject, folded, start + 1);
  }
  return out;
}

function personSpans(folded: string, childName: string | undefined): Span[] {
  const titled = titledSpans(folded);
  const hidden = hiddenNames(folded, titled);
  const named = hidden.length > 0 ? [...titled, ...hidden] : titled;
  const bare = bareNames(folded, named, childName);
  return named === titled && bare.length === 0 ? titled : [...named, ...bare].sort((a, b) => a.start - b.start);
}

const ALONG = charTable('同随');
const WITH = charTable('与和跟');

/**
 * 同村干部一起, 会同派出所: people who came along with whoever did the work. Right after 会同,
 * 协同, 联合, 陪同, 同 or 随 (会同, 协同 and 陪同 end in 同, which counts alone).
 */
function along(folded: string, at: number): boolean {
  return (at > 0 && ALONG[folded.charCodeAt(at - 1)] === 1) || (at >= 2 && folded.startsWith('联合', at - 2));
}

/** 与/和/跟 before [start, end) and 一起/一道/一同/共同 after it. */
function withCompany(folded: string, start: number, end: number): boolean {
  if (start === 0 || WITH[folded.charCodeAt(start - 1)] !== 1) return false;
  return folded.startsWith('一起', end) || folded.startsWith('一道', end) || folded.startsWith('一同', end) || folded.startsWith('共同', end);
}

export interface People {
  /** Everyone named, in order, each once. */
  names: string[];
  /** Someone is named as doing the work, not only as company ("同村干部一起入户" names no one). */
  led: boolean;
}

/**
 * Names gathered here and copied out at their exact number: an array grown by push keeps room for
 * 17, and a finding keeps its attempts' people for as long as the report lives.
 */
const gathered: string[] = [];

/** The people and bodies named in an attempt; `childName` (the child's own) is never one of them. */
export function findPeople(folded: string, childName?: string): People {
  gathered.length = 0;
  let led = false;
  for (const p of personSpans(folded, childName)) {
    const name = folded.slice(p.start, p.end);
    if (!gathered.includes(name)) gathered.push(name);
    if (!led && !along(folded, p.start) && !withCompany(folded, p.start, p.end)) led = true;
  }
  const names = gathered.slice();
  gathered.length = 0;
  return { names, led };
}

/** The writer (我, 本人) or a body with no one named (学校, 镇村两级) as who did the work. */
const SELF_OR_BODY = /我们?|笔者|我校|本校|我镇|我乡|我村|镇村两级|学校|村里|镇里|包保组|工作组/;

/** The attempt says who did it only as "I" or as a body: someone, but not named. */
export function namesSelfOrBody(folded: string): boolean {
  return SELF_OR_BODY.test(folded);
}

interface Signature {
  surname: string | null;
  /** The given name when written (丽 of 孙丽); empty for 某, X or none. */
  given: string;
  role: string | null;
}

const ROLE_AT = new RegExp(`(?:(?:${ORGS.join('|')})[/、]?)*(${ROLE})`);
const NAME_AT = new RegExp(`^(${SURNAME})(${PLACEHOLDER}|[\\u4e00-\\u9fa5]{0,2})$`);
const ONLY_PLACEHOLDER = new RegExp(`^${PLACEHOLDER}$`);

/** 网格员孙某 → 孙/—/网格员, 张校长 → 张/—/校长, 孙丽 → 孙/丽/—, 村干部 → —/—/村干部. */
function signature(person: string): Signature {
  const role = ROLE_AT.exec(person);
  const name = role ? person.slice(0, role.index) + person.slice(role.index + role[0].length) : person;
  const m = NAME_AT.exec(name);
  const given = m?.[2] && !ONLY_PLACEHOLDER.test(m[2]) ? m[2] : '';
  return { surname: m?.[1] ?? null, given, role: role?.[1] ?? null };
}

function samePerson(a: Signature, b: Signature): boolean {
  if (a.surname && b.surname) return a.surname === b.surname && !(a.given && b.given && a.given !== b.given);
  if (a.surname || b.surname || !a.role || !b.role) return false;
  return a.role === b.role || a.role.endsWith(b.role) || b.role.endsWith(a.role);
}

const compact = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Answers by text, for the few names and owner cells a table repeats; a cache, so it starts again when full. */
function memo<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 1024) cache.clear();
    cache.set(key, (v = make(key)));
  }
  return v;
}
const signatures = new Map<string, Signature>();
const ownerParts = new Map<string, string[]>();

/**
 * Whether the 劝返责任人 is among the people of a record, loosely: 网格员孙某 is 孙某, 张校长 is
 * 校长张某. An owner cell naming several people (王老师、李老师) needs one of them.
 */
export function ownerNamed(owner: string, people: readonly string[], recordText: string): boolean {
  const parts = memo(ownerParts, owner, (o) => o.split(/[、,，/;；\s和及]+/).map(compact).filter(Boolean));
  // Each part is without spaces: found in the text as written, it is found in it without spaces.
  let record: string | undefined;
  let known: Signature[] | undefined;
  return parts.some((part) => {
    if (recordText.includes(part) || (record ??= compact(recordText)).includes(part)) return true;
    const sig = memo(signatures, part, signature);
    return (known ??= people.map((p) => memo(signatures, p, signature))).some((p) => samePerson(sig, p));
  });
}
