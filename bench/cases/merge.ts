import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from '../harness';
import { addRatio, addSection, ratio, timeUnder } from '../report';
import type { CellValue } from '../../src/core/model/cell';
import type { CellSpec } from '../../src/io/xlsx';
import { createWorkbook } from '../../src/io/xlsx';
import { STUDENT_TYPES } from '../../src/core/tables/lists';
import { idcard, name, persuasionRecord, rng } from '../generate';

const SCHOOLS = 300;
const ROWS = 50;
/** A province: ten times the schools, fewer rows each (a county's list is short). */
const PROVINCE_SCHOOLS = 3000;
const PROVINCE_ROWS = 10;
const ROOT = path.join(__dirname, '..');

const OFFICIAL = ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学\n原因', '劝返过程\n记录', '劝返\n责任人', '劝返结果', '备注'];
/** A school that starts with the child and the 身份证号. */
const SHUFFLED = ['姓名', '序号', '身份证号', '性别', '区县', '所在学校', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'];
/** 性别 before 姓名, and a column of the school's own at the end. */
const SWAPPED = ['区县', '序号', '性别', '姓名', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注', '联系电话'];

/** Two children reported by two schools each: [school, row] takes the 身份证号 of [school, row]. */
const DUPLICATES: [number, number, number, number][] = [
  [150, 0, 10, 3],
  [299, 49, 200, 7],
];

/** A 身份证号 distinct for every (school, row): birth day and sequence both come from the pair. */
function childId(school: number, row: number): string {
  const k = school * ROWS + row;
  const birth = new Date(Date.UTC(2010, 0, 1) + (k % 2900) * 86400000).toISOString().slice(0, 10);
  return idcard('450102', birth, Math.floor(k / 2900) * 2 + (k % 2));
}

function schoolRows(s: number, school: string, count: number): Record<string, CellValue>[] {
  const r = rng(1000 + s);
  return Array.from({ length: count }, (_, i) => {
    const dup = DUPLICATES.find(([ds, dr]) => ds === s && dr === i);
    const rec: Record<string, CellValue> = {
      区县: '城关区', 序号: i + 1, 姓名: name(r), 性别: i % 2 ? '男' : '女', 所在学校: school,
      身份证号: dup ? childId(dup[2], dup[3]) : childId(s, i), 家庭住址: `城关区红星村${i + 1}号`,
      失学辍学原因: '厌学，成绩跟不上，多次逃课', 劝返过程记录: persuasionRecord(r), 劝返责任人: '王老师',
      劝返结果: r() < 0.6 ? '1.已复学' : '2.尚未复学', 备注: STUDENT_TYPES[i % STUDENT_TYPES.length]!,
    };
    if (i % 10 === 0) rec['联系电话'] = `1380000${String(s * 100 + i).padStart(4, '0')}`;
    return rec;
  });
}

/** One school's workbook, laid out one of four ways schools really do it. */
function schoolWorkbook(s: number, count: number): Uint8Array {
  const school = `城关第${s + 1}小学`;
  const layout = s % 4;
  const above: CellValue[][] =
    layout === 0 || layout === 3 ? [['失学辍学儿童少年统计表']]
    : layout === 1 ? [['城关区失学辍学儿童少年统计表'], [], [`填报单位：${school}`], []]
    : [];
  const header = layout === 2 ? SHUFFLED : layout === 3 ? SWAPPED : OFFICIAL;
  const key = (h: string) => h.replace(/\s/g, '');
  const rows: CellValue[][] = [
    ...above,
    header,
    ...schoolRows(s, school, count).map((rec) => header.map((h) => rec[key(h)] ?? null)),
    ['单位：', null, null, '填报人：'],
  ];
  const cells: CellSpec[] = rows.flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value })).filter((x) => x.value !== null));
  return createWorkbook({ sheets: [{ name: layout === 2 ? 'Sheet1' : '附件1', cells }] });
}

/** `schools` workbooks of `rows` rows, written once per machine. */
function schoolsDir(schools = SCHOOLS, rows = ROWS): string {
  const dir = path.join(os.tmpdir(), `baoxue-bench-merge-${schools}x${rows}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (let s = 0; s < schools; s++) fs.writeFileSync(path.join(dir, `${String(s + 1).padStart(4, '0')}_城关第${s + 1}小学.xlsx`), schoolWorkbook(s, rows));
    fs.writeFileSync(done, '');
  }
  return dir;
}

/** Builds the CLI now if sources changed, so bin/baoxue.cjs does not rebuild inside the timing. */
function buildCli(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require(path.join(ROOT, 'scripts', 'build-cli.cjs'));
  if (build.isStale()) build.buildCli();
}

/** `baoxue merge DIR -o OUT --json` spawned as a user runs it: rows out, duplicates, the child's peak memory. */
function runBaoxue(dir: string) {
  const out = path.join(os.tmpdir(), 'baoxue-bench-merge-out.xlsx');
  const p = spawn(process.execPath, [path.join(ROOT, 'bin', 'baoxue.cjs'), 'merge', dir, '-o', out, '--json']);
  const doc = JSON.parse(p.stdout);
  const duplicates = (doc.findings as { rule: string }[]).filter((f) => f.rule === 'merge.duplicate-child').length;
  return { rowsOut: doc.rowsOut, duplicates, load: Math.round(os.loadavg()[0]! * 10) / 10, ...(p.peakMb ? { childPeakMb: p.peakMb } : {}) };
}

const TIME = '/usr/bin/time';

/** Runs a command to the end; its output and, where GNU time is installed, its peak RSS in MB. */
function spawn(cmd: string, args: string[]): { stdout: string; peakMb?: number } {
  const timed = fs.existsSync(TIME);
  const p = timed ? spawnSync(TIME, ['-f', 'PEAK_RSS_KB %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (p.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${p.status}: ${p.stderr.slice(-2000)}`);
  const kb = /PEAK_RSS_KB (\d+)/.exec(p.stderr);
  return { stdout: p.stdout, peakMb: kb ? Number(kb[1]) / 1024 : undefined };
}

/** Case 5: merging 300 school workbooks of 50 rows, ours end to end against a pandas script. */
export const mergeCases: BenchCase[] = [
  {
    id: 'merge-baoxue-300x50',
    title: 'baoxue merge (spawned CLI), 300 workbooks × 50 rows',
    rows: SCHOOLS * ROWS,
    prepare: () => {
      buildCli();
      return schoolsDir();
    },
    run: (dir) => runBaoxue(dir as string),
  },
  {
    id: 'merge-baoxue-province',
    title: `baoxue merge (spawned CLI), a province: ${PROVINCE_SCHOOLS.toLocaleString('en')} workbooks × ${PROVINCE_ROWS} rows`,
    rows: PROVINCE_SCHOOLS * PROVINCE_ROWS,
    prepare: () => {
      buildCli();
      return schoolsDir(PROVINCE_SCHOOLS, PROVINCE_ROWS);
    },
    run: (dir) => runBaoxue(dir as string),
  },
  {
    id: 'merge-pandas-300x50',
    title: 'pandas 1.5 + openpyxl (read_excel, concat, to_excel), same files',
    rows: SCHOOLS * ROWS,
    // One run of the script took anything from 7.4 to 11.9 s: the ratio takes the median of three.
    minRuns: 3,
    prepare: schoolsDir,
    run: (dir) => {
      const out = path.join(os.tmpdir(), 'baoxue-bench-merge-pandas.xlsx');
      const p = spawn('/usr/bin/python3', [path.join(ROOT, 'bench', 'clerk', 'merge_pandas.py'), dir as string, out]);
      return { rowsOut: Number(p.stdout.trim()), ...(p.peakMb ? { childPeakMb: p.peakMb } : {}) };
    },
  },
];

addRatio({ title: 'pandas script ÷ baoxue merge (how much faster we are)', numerator: 'merge-pandas-300x50', denominator: 'merge-baoxue-300x50', target: '≥ 3×, and baoxue < 10 s' });

addSection({
  title: '5. Merge',
  about:
    `${SCHOOLS} school workbooks of ${ROWS} rows of 000 附件1, each row with its 劝返 record, laid out four ways: the ` +
    'official layout; the header on row 5 under a 填报单位 line; the header on row 1 with the columns reordered; 性别 ' +
    'before 姓名 with a 联系电话 column of the school\'s own. Two children are reported by two schools. `baoxue merge ' +
    'DIR -o OUT --json` is spawned as a user runs it (node start-up, reading, recognising each table, checking each ' +
    'school for the notes sheet, writing the merged workbook, then finding each merged row in the written sheet, in order, with its 来源 text). Against it, ' +
    'bench/clerk/merge_pandas.py, what a data-savvy county clerk would write today: pandas.read_excel (openpyxl) per ' +
    'file, find the header row, concat, to_excel, run by /usr/bin/python3 (Debian pandas 1.5, openpyxl 3.0). The ' +
    'pandas script does less: no check, no duplicate search, no official layout. Both write all 15,000 rows. ' +
    `The province case merges ${PROVINCE_SCHOOLS.toLocaleString('en')} workbooks of ${PROVINCE_ROWS} rows. Schools are read and checked by ` +
    'the command and, on cores it measures idle for 0.1 s, by worker threads, each thread holding one workbook at a ' +
    'time, so peak memory follows the output, not the number of files. ' +
    '`load` is the 1-minute load average when the run ended (the machine may be shared).',
  targets: [
    ratio('merge-pandas-300x50', 'merge-baoxue-300x50', 'pandas script ÷ baoxue merge ≥ 3×', (v) => v >= 3),
    timeUnder('merge-baoxue-300x50', 10_000, 'baoxue merge under 10 s'),
    timeUnder('merge-baoxue-province', 120_000, 'a province (3,000 workbooks) under 2 min'),
  ],
});
