import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RowView } from '../../../src/core/rules/types';
import type { FedTableRule, Issue } from '../../../src/core/rules/types';
import { a1 } from '../../../src/core/model/address';
import { keyOfSlot } from '../../../src/core/find/columnSlot';
import { findCopies, editSimilarity } from '../../../src/core/persuasion/copies';
import { parseRecord } from '../../../src/core/persuasion/parse';
import { persuasionRules } from '../../../src/core/rules/persuasion';
import { renderRule } from '../../../src/i18n/zh-CN/rules';
import { readWorkbook } from '../../../src/io/xlsx/read/readWorkbook';
import { checkWorkbook } from '../../../src/core/check';
import { contextOf } from '../rules/rowFixture';
import { viewList } from '../../../src/core/find/rowView';

const REF = '2024-03-01';

const DISTINCT = [
  '1.1月5日王老师赴浙江宁波找到学生打工的电子厂，与厂方负责人沟通，厂方答应辞退，学生仍犹豫。',
  '2.1月12日王老师与学生父亲视频通话，父亲表示春节后带孩子回乡，并写下保证书。',
  '3.2月20日张校长入户，学生已回到家中，同意春季开学返校读七年级。',
].join('\n');

/** The same record with dates, people and the child's name changed, and one word edited. */
const EDITED = DISTINCT.replace(/1月5日/, '1月8日')
  .replace(/1月12日/, '1月15日')
  .replace(/2月20日/, '2月22日')
  .replace(/王老师/g, '李老师')
  .replace('写下保证书', '写了保证书');

const UNRELATED = [
  '1.12月3日班主任刘某电话联系家长，家长称孩子在外婆家，答应转告。',
  '2.12月10日刘某与村主任入户，见到学生本人，学生说跟不上数学课，不想读了。',
  '3.12月24日刘某带着补课计划再次入户，学生同意寒假后返校试读。',
].join('\n');

function records(texts: string[], names: string[] = texts.map((_, i) => `学生${i}`)) {
  return texts.map((text, i) => ({ text, name: names[i], attempts: parseRecord(text, { referenceDate: REF }) }));
}

/** Stock sentences as a clerk reuses them (the attempts of dropout_ledger.xlsx). */
const WHO = ['王老师', '李老师', '陈老师', '张校长', '赵书记', '刘主任', '网格员孙某'];
const DO = ['到学生家中与家长沟通义务教育法规定，讲解资助政策', '到学生家中与学生谈心，了解厌学原因，介绍返校安排', '到学生家中同村干部一起入户宣传控辍保学政策', '到学生家中与监护人电话沟通，告知法定义务'];
const RESULT = ['家长表示同意考虑', '学生仍不愿返校', '未见到学生本人', '家长同意下周送孩子返校'];

/** A stock record: attempt i uses sentence picks[i], its own date and person. */
function stock(picks: [number, number][], day: number, who: number): string {
  return picks.map(([d, r], i) => `${i + 1}.${6 + i}月${day + i}日${WHO[(who + i) % WHO.length]}${DO[d]}，${RESULT[r]}。`).join('\n');
}

describe('findCopies', () => {
  test('an exact copy under another child is found', () => {
    expect(findCopies(records([DISTINCT, UNRELATED, DISTINCT]))).toEqual([[0, 2]]);
  });

  test('a near-duplicate with names, dates, people and a word changed is found', () => {
    const texts = [DISTINCT.replace('学生', '陈小明'), UNRELATED, EDITED.replace('学生', '李华')];
    expect(findCopies(records(texts, ['陈小明', '某甲', '李华']))).toEqual([[0, 2]]);
  });

  test('a record rewritten in its own words is no copy', () => {
    expect(findCopies(records([DISTINCT, UNRELATED]))).toEqual([]);
  });

  test('records built from the same stock sentences in other combinations are no copies', () => {
    const texts = [
      stock([[0, 0], [1, 1]], 2, 0),
      stock([[1, 1], [0, 0]], 3, 1),
      stock([[0, 1], [1, 0]], 4, 2),
      stock([[2, 2], [3, 3], [0, 1]], 5, 3),
      stock([[2, 2], [3, 3], [1, 0]], 6, 4),
      stock([[3, 3], [2, 2], [0, 0]], 7, 5),
    ];
    expect(findCopies(records(texts))).toEqual([]);
  });

  test('two stock records alike save dates and people are no copies; word for word they are', () => {
    // Each sentence of `same` turns up in three different records: stock wording.
    const filler = [stock([[0, 0], [2, 3]], 1, 2), stock([[2, 1], [0, 0]], 9, 3), stock([[1, 1], [3, 3]], 8, 1), stock([[3, 2], [1, 1]], 4, 6)];
    const same = stock([[0, 0], [1, 1]], 2, 0);
    expect(findCopies(records([...filler, same, stock([[0, 0], [1, 1]], 11, 4)]))).toEqual([]);
    expect(findCopies(records([...filler, same, same]))).toEqual([[4, 5]]);
    expect(findCopies(records([same, stock([[0, 0], [1, 1]], 11, 4)]))).toEqual([[0, 1]]);
  });

  test('among thousands of stock records only the word-for-word pair is a group', () => {
    // 3,000 different records (sentence picks × day), more than the index's first tables hold.
    const texts = Array.from({ length: 3000 }, (_, i) => stock([[i % 4, (i >> 2) % 4], [(i >> 4) % 4, (i >> 6) % 4]], 1 + (i >> 8), 0));
    expect(findCopies(records([...texts, texts[5]!]))).toEqual([[5, 3000]]);
  });

  test('short records are too short to tell a copy from a stock phrase', () => {
    expect(findCopies(records(['1月5日王老师电话联系家长，家长同意返校。', '2月3日李老师电话联系家长，家长同意返校。']))).toEqual([]);
  });

  test('names and people are taken out in turn: taking out the name can join the letters of a person', () => {
    // 李小明老师 without 小明 is 李老师, a person of the attempt: what is left matches the other record.
    const said = '到学生家中与家长沟通义务教育法规定讲解资助政策';
    const answer = '家长表示同意考虑送孩子返校读书';
    const joined = { text: `李小明老师${said}，${answer}`, people: ['李老师'] };
    const plain = { text: `张老师${said}，${answer}`, people: ['张老师'] };
    const second = { text: '次日王老师电话回访家长，家长说孩子已在收拾书包', people: ['王老师'] };
    const record = (name: string, a: { text: string; people: string[] }) => ({ text: `${a.text}。${second.text}`, name, attempts: [a, second] });
    expect(findCopies([record('小明', joined), record('小红', plain)])).toEqual([[0, 1]]);
    // Without the name there is no person to take out: 李小明老师 leaves 李小明老师's letters, too many to be alike.
    expect(findCopies([record('小刚', joined), record('小红', plain)])).toEqual([]);
  });

  test('a longer person goes before a shorter one inside it', () => {
    const body = '到学生家中讲解资助政策，家长同意送孩子返校';
    const a = { text: `网格员孙某${body}`, people: ['孙某', '网格员孙某'] };
    const b = { text: `${body}`, people: [] };
    const second = { text: '次日王老师电话回访家长，家长说孩子已在收拾书包', people: ['王老师'] };
    const record = (x: { text: string; people: string[] }) => ({ text: x.text, name: undefined, attempts: [x, second] });
    // Shortest first would leave 网格员 behind.
    expect(findCopies([record(a), record(b)])).toEqual([[0, 1]]);
  });

  test('records of stock sentences differing only in the child\'s name are copies word for word', () => {
    const sentences = Array.from({ length: 4 }, (_, i) => stock([[i % 4, (i + 1) % 4], [(i + 2) % 4, (i + 3) % 4]], 1 + i, i));
    const same = stock([[0, 0], [1, 1]], 2, 0);
    const named = (name: string) => ({ text: `${name}：${same}`, name, attempts: parseRecord(`${name}：${same}`, { referenceDate: REF }) });
    const filler = records([...sentences, stock([[0, 0], [2, 2]], 5, 1), stock([[1, 1], [3, 3]], 6, 2), stock([[1, 1], [0, 0]], 7, 3)]);
    expect(findCopies([...filler, named('陈小明'), named('李华强')])).toEqual([[7, 8]]);
  });

  test('groups are of copies only, in row order', () => {
    const groups = findCopies(records([UNRELATED, DISTINCT, EDITED, UNRELATED, DISTINCT]));
    expect(groups).toEqual([
      [0, 3],
      [1, 2, 4],
    ]);
  });
});

describe('editSimilarity', () => {
  test.each([
    ['abcdefghij', 'abcdefghij', 1],
    ['abcdefghij', 'abcdefghiX', 0.9],
    ['abcdefghij', 'Xbcdefghij', 0.9],
    ['abcdefghij', 'abcdefghijk', 1 - 1 / 11],
  ])('%s ~ %s = %d', (a, b, want) => {
    expect(editSimilarity(a, b, 0.5)).toBeCloseTo(want, 10);
  });

  test('gives 0 as soon as the similarity cannot reach the minimum', () => {
    expect(editSimilarity('abcdefghij', 'abXdeXghXj', 0.9)).toBe(0);
    expect(editSimilarity('abc', 'abcdefgh', 0.9)).toBe(0);
  });
});

describe('persuasion.copied', () => {
  function view(i: number, name: string, record: string): RowView {
    const cells: Record<string, string> = { name, persuasionRecord: record };
    return {
      row: i,
      get: (k) => cells[k],
      valueAt: (s) => cells[keyOfSlot(s) ?? ''],
      has: (k) => k in cells,
      cellOf: (k) => a1(i, k === 'name' ? 2 : 8),
      rowOf: () => i + 1,
    };
  }

  test('each row of a copy gets a warning naming the others', () => {
    const rows = [view(2, '甲', DISTINCT), view(3, '乙', UNRELATED), view(11, '丙', DISTINCT), view(29, '丁', EDITED)];
    const ctx = contextOf('dropout-ledger', rows[0]!, { referenceDate: REF });
    const issues: Issue[] = [];
    for (const rule of persuasionRules.table) rule.check(viewList(rows), ctx, (i) => issues.push(i));
    expect(issues.map((i) => ({ row: i.view?.rowOf('persuasionRecord'), severity: i.severity, related: i.related }))).toEqual([
      { row: 3, severity: 'warning', related: ['I12', 'I30'] },
      { row: 12, severity: 'warning', related: ['I3', 'I30'] },
      { row: 30, severity: 'warning', related: ['I3', 'I12'] },
    ]);
    expect(renderRule('persuasion.copied', issues[0]!.params).message).toBe('与第12、30行的劝返记录雷同');
    expect(issues[0]!.attempts).toHaveLength(3);
  });

  test('fed row by row (as the check does) it finds the same copies, and twice in a row as well', () => {
    const rows = [view(2, '甲', DISTINCT), view(3, '乙', UNRELATED), view(11, '丙', DISTINCT), view(29, '丁', EDITED)];
    const ctx = contextOf('dropout-ledger', rows[0]!, { referenceDate: REF });
    const copied = persuasionRules.table.find((r) => r.id === 'persuasion.copied') as FedTableRule;
    const rowsOf = () => {
      const issues: Issue[] = [];
      rows.forEach((r, i) => copied.row(r, ctx, i));
      copied.check(viewList(rows), ctx, (i) => issues.push(i));
      return issues.map((i) => i.view?.rowOf('persuasionRecord'));
    };
    expect(rowsOf()).toEqual([3, 12, 30]);
    expect(rowsOf()).toEqual([3, 12, 30]);
    expect(() => copied.check(viewList([]), ctx, () => undefined)).not.toThrow();
  });
});

describe('dropout_ledger.xlsx (../shared/samples)', () => {
  const SAMPLES = resolve(__dirname, '../../../../shared/samples');
  const SHEET = '失学辍学儿童少年统计表';
  const key = JSON.parse(readFileSync(resolve(SAMPLES, 'key.json'), 'utf8'))['dropout_ledger.xlsx'] as {
    expect: { sheet: string; row: number; rule: string }[];
    clean: Record<string, number[]>;
    copied: { sheet: string; row: number }[];
  };
  const grid = readWorkbook(new Uint8Array(readFileSync(resolve(SAMPLES, 'dropout_ledger.xlsx'))));
  // The samples were filled in March 2026 (ganxian.xlsx: 时间：2026年3月18日).
  const findings = checkWorkbook(grid, { referenceDate: '2026-03-18' }).findings.filter((f) => f.rule.startsWith('persuasion.'));

  test('the copied records are exactly the ones the key names', () => {
    const copied = findings.filter((f) => f.rule === 'persuasion.copied').map((f) => f.row);
    expect(copied).toEqual(key.copied.filter((c) => c.sheet === SHEET).map((c) => c.row));
  });

  test('every planted persuasion fault is found on its row', () => {
    const planted = key.expect.filter((e) => e.rule.startsWith('persuasion.'));
    const missed = planted.filter((e) => !findings.some((f) => f.sheet === e.sheet && f.row === e.row && f.severity === 'error'));
    expect(planted.length).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });

  test('no persuasion error on a row the key calls clean', () => {
    const clean = key.clean[SHEET] ?? [];
    expect(findings.filter((f) => f.severity === 'error' && clean.includes(f.row)).map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
  });
});
