/**
 * Deterministic synthetic tables for benchmarks: made-up names, valid 身份证号 (computed check
 * digits), a few faults sprinkled in at fixed intervals so the rules have work to do.
 */
import type { CellValue } from '../src/core/model/cell';
import type { SheetGrid } from '../src/core/model/workbook';
import { CHECK_RESULTS, STUDENT_TYPES } from '../src/core/tables/lists';

/** mulberry32: a tiny seeded generator, so every run sees the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idcard(region: string, birth: string, seq: number): string {
  const body = region + birth.replace(/-/g, '') + String(seq % 1000).padStart(3, '0');
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * W[i]!;
  return body + '10X98765432'[s % 11];
}

/** Birth dates a table's children share: 8 years of 12 months of 28 days. */
const BIRTH_DAYS = 8 * 12 * 28;

/**
 * The k-th of 1,341,312 distinct 身份证号 of `region` born in the 8 years from `fromYear`: a list
 * drawn at random from so few numbers repeats some by chance, more the longer it is (1.8k at
 * 100,000 rows, 165k at 1,000,000), which is the input's growth, not the checker's.
 */
export function uniqueIdcard(region: string, k: number, fromYear: number, male: boolean): string {
  const day = k % BIRTH_DAYS;
  const birth = `${fromYear + Math.floor(day / 336)}${String(1 + (Math.floor(day / 28) % 12)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
  return idcard(region, birth, (Math.floor(k / BIRTH_DAYS) % 499) * 2 + (male ? 1 : 0));
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰春梅';
export function name(r: () => number): string {
  return SURNAMES[Math.floor(r() * SURNAMES.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]! + (r() < 0.5 ? GIVEN[Math.floor(r() * GIVEN.length)]! : '');
}
function date(r: () => number, fromYear: number, years: number): string {
  const y = fromYear + Math.floor(r() * years);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 002 附件4 with `n` rows: title, header, rows, footer. */
export function wafangdianSheet(n: number, seed = 1): SheetGrid {
  const r = rng(seed);
  const rows: CellValue[][] = [
    ['疑似失学儿童个体情况汇总表'],
    ['原始序号\n（不要删除）', '省份', '地市', '区县', '姓名', '性别', '身份证', '户籍地', '核查结果\n（选择下拉框）', '复学情况', '备注'],
  ];
  for (let i = 1; i <= n; i++) {
    const male = r() < 0.5;
    const seq = Math.floor(r() * 499) * 2 + (male ? 1 : 0);
    const result = CHECK_RESULTS[Math.floor(r() * CHECK_RESULTS.length)]!;
    const toReturn = 'IJKLM'.includes(result[0]!);
    rows.push([
      i, '辽宁省', '大连市', i % 3 === 0 ? '普兰店区' : '瓦房店市', name(r), male ? '男' : '女',
      i % 997 === 0 ? idcard('210281', date(r, 2003, 8), seq).slice(0, 17) + '0' : idcard('210281', date(r, 2003, 8), seq),
      '辽宁省瓦房店市李官镇', i % 1013 === 0 ? '打工' : result, toReturn ? (r() < 0.5 ? '是' : '否') : '无', '钟洋、岳明',
    ]);
  }
  rows.push([null, '单位：', null, null, null, '填报人：', '联系电话：', '主管领导：']);
  return { name: '附件4', rows };
}

const VISITORS = ['王老师', '李老师', '张校长', '网格员孙某', '赵书记', '刘主任', '陈老师'];
const ACTIONS = ['到学生家中与家长沟通义务教育法规定，讲解资助政策', '到学生家中与学生谈心，了解厌学原因，介绍返校安排', '与监护人电话沟通，告知法定义务', '同村干部一起入户宣传控辍保学政策'];
const RESULTS = ['家长表示同意考虑', '学生仍不愿返校', '家长同意下周送孩子返校', '未见到学生本人'];

/** A 劝返过程记录 of 2–6 dated attempts, each different. */
export function persuasionRecord(r: () => number, owner?: string): string {
  const n = 2 + Math.floor(r() * 5);
  // Recent, as a monthly report's records are: the last visit falls in October (the benchmark
  // checks at 2026-11-01); the earlier ones 3–10 days apart before it.
  const days: number[] = [];
  let dayOfYear = 278 + Math.floor(r() * 26); // 10月5日 … 10月30日 of 2026 (not a leap year)
  for (let i = 0; i < n; i++) {
    days.unshift(dayOfYear);
    dayOfYear -= 3 + Math.floor(r() * 8);
  }
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  return days
    .map((d, i) => {
      const date = new Date(Date.UTC(2026, 0, d));
      // The 劝返责任人 goes on the first visit, as a school's named owner does.
      const who = i === 0 && owner ? owner : pick(VISITORS);
      return `${i + 1}.${date.getUTCMonth() + 1}月${date.getUTCDate()}日${who}${pick(ACTIONS)}，${pick(RESULTS)}。`;
    })
    .join('\n');
}

/** 000 附件1 with `n` rows, persuasion records included. */
export function dropoutSheet(n: number, seed = 2): SheetGrid {
  const r = rng(seed);
  const rows: CellValue[][] = [
    ['失学辍学儿童少年统计表'],
    ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学\n原因', '劝返过程\n记录', '劝返\n责任人', '劝返结果', '备注'],
  ];
  for (let i = 1; i <= n; i++) {
    const male = r() < 0.5;
    // Every 1009th child is listed again (its 身份证号 repeats an earlier row's); otherwise each
    // number is its own, so the duplicates grow with the rows, as the other planted faults do.
    const id = i % 1009 === 0 ? (rows[rows.length - 500]![5] as string) : uniqueIdcard('450102', i - 1, 2012, male);
    rows.push([
      '城关区', i, name(r), Number(id[16]) % 2 === 1 ? '男' : '女', '红旗小学', id, `城关区红星村${i}号`,
      '厌学，成绩跟不上，多次逃课', persuasionRecord(r, VISITORS[i % VISITORS.length]!), VISITORS[i % VISITORS.length]!,
      r() < 0.6 ? '1.已复学' : '2.尚未复学，拟于12月19日返校复学', STUDENT_TYPES[i % STUDENT_TYPES.length]!,
    ]);
  }
  rows.push(['填表说明：请在备注栏内点击下拉式菜单，选择学生类型。']);
  return { name: '失学辍学儿童少年统计表', rows };
}

const PLACES = ['到学生家中', '赴浙江宁波', '到学生外婆家', '赴广东东莞', '到村委会', '到学生打工的餐馆', '到镇上网吧', '赴县城', '到学生姑姑家', '到学生务工的工地', '到学生所在的厂区', '在学校办公室'];
const DEEDS = ['与家长沟通义务教育法', '与学生谈心', '讲解资助政策', '宣讲控辍保学政策', '送去补课资料', '说明送教上门安排', '介绍职业学校专业', '与厂方负责人交涉', '向家长送达劝返通知书', '帮助申请困难补助', '了解学生厌学原因', '核实学生务工情况', '陪同学生参观学校', '与学生父亲视频通话'];
const DETAILS = ['并留下联系方式', '并约定再次见面', '并拍照留存', '，现场填写了承诺书', '并请村干部见证', '并赠送学习用品', '，时长约两小时', '，学生母亲在场', '，学生爷爷奶奶在场', '并联系了班主任', '并发放了明白纸', '，当场签订了协议', '并建立了联系群', ''];
const REACTIONS = ['家长表示同意考虑', '学生仍不愿返校', '学生态度有所松动', '家长答应做孩子工作', '学生称想学一门手艺', '厂方答应辞退', '学生同意先回校看看', '家长表示孩子不听话', '学生提出要换班级', '家长担心学费问题', '学生说跟不上课程', '家长同意年后送回', '学生承诺考虑一周', '监护人外出未能见面'];
const FOLLOW_UPS = ['，下周再访', '，将继续跟进', '', '，约定电话回访', '，已报镇控辍办', '，拟联系心理老师', '，商定开学前再谈', '，需村里协助', '，记入台账', '，将联系务工单位'];

/** A 劝返过程记录 of 2–6 attempts written for its child: few sentences recur, unlike persuasionRecord. */
export function distinctRecord(r: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const n = 2 + Math.floor(r() * 5);
  const out: string[] = [];
  let month = 3 + Math.floor(r() * 4);
  let day = 1 + Math.floor(r() * 10);
  for (let i = 1; i <= n; i++) {
    day += 3 + Math.floor(r() * 12);
    if (day > 28) {
      month++;
      day -= 28;
    }
    out.push(`${i}.${month}月${day}日${pick(VISITORS)}${pick(PLACES)}${pick(DEEDS)}${pick(DETAILS)}，${pick(REACTIONS)}${pick(FOLLOW_UPS)}。`);
  }
  return out.join('\n');
}
