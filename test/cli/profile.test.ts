import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProfile, readProfile, UsageError } from '../../src/cli/profile';
import { validateProfile } from '../../src/core/profile/validate';

const PROFILES = path.resolve(__dirname, '..', '..', 'profiles');

describe('shipped profiles (one per seed\'s area)', () => {
  const files = fs.readdirSync(PROFILES).filter((f) => f.endsWith('.json'));
  it('are four, each valid and documented with its basis', () => {
    expect(files.sort()).toEqual(['chengkou.json', 'ganxian.json', 'wafangdian.json', 'zaozhuang.json']);
    for (const f of files) {
      const r = validateProfile(JSON.parse(fs.readFileSync(path.join(PROFILES, f), 'utf8')));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.profile.basis?.length).toBeGreaterThan(0);
    }
    const readme = fs.readFileSync(path.join(PROFILES, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(f);
  });
  it('carry the seeds\' figures: 城口 5 attempts (003 B4-1), 枣庄 cites 山东\'s regulation (001 式样), 瓦房店 2002-09-01…2011-08-31 (002 附件3)', () => {
    expect(readProfile('城口').settings?.persuasionMinAttempts).toBe(5);
    expect(readProfile('chengkou').cases?.['B4-1']?.minAttempts).toBe(5);
    expect(readProfile('枣庄市').law).toEqual(['《中华人民共和国义务教育法》', '《山东省义务教育条例》']);
    expect(readProfile('瓦房店').settings).toMatchObject({ birthFrom: '2002-09-01', birthTo: '2011-08-31', ageMin: 6, ageMax: 15 });
    expect(readProfile('赣县').law).toEqual(['《中华人民共和国义务教育法》']);
  });
  it('give check options; --ref-date wins over the profile', () => {
    expect(loadProfile('城口', '2026-09-01')).toMatchObject({ referenceDate: '2026-09-01', settings: { persuasionMinAttempts: 5 } });
  });
});

describe('a bad profile gets one Chinese line naming the key and what is allowed, never zod\'s JSON', () => {
  const problems = (p: unknown) => {
    const r = validateProfile(p);
    return r.ok ? [] : r.problems;
  };
  it('a misspelt key is named with the keys allowed there', () => {
    const [m] = problems({ name: '某县', settings: { ageMax: 15, minAttempts: 5 } });
    expect(m).toContain('“settings”中不认识的设置“minAttempts”');
    expect(m).toContain('persuasionMinAttempts');
  });
  it('a wrong type, a missing name, a bad date, a bad law and a bad case code', () => {
    expect(problems({ name: '某县', settings: { ageMin: '六' } })).toEqual(['“settings.ageMin”（义务教育最小年龄（周岁））应为数字']);
    expect(problems({ settings: {} })).toEqual(['缺少“name”（地区名称）']);
    expect(problems({ name: '某县', settings: { ageMin: 6.5 } })).toEqual(['“settings.ageMin”（义务教育最小年龄（周岁））应为整数']);
    expect(problems({ name: '某县', referenceDate: '2026/9/1' })[0]).toContain('应写成 2026-09-01 这样的日期');
    expect(problems({ name: '某县', law: [] })[0]).toContain('至少要有 1 项');
    expect(problems({ name: '某县', cases: { 'B41': { title: '劝返', minAttempts: 5 } } })[0]).toContain('类别代码写成 B4-1 这样');
    expect(problems({ name: '某县', cases: { 'B4-1': { title: '劝返', minAttempts: 0 } } })[0]).toContain('“cases.B4-1.minAttempts”（劝返记录次数下限）不能小于 1');
  });
  it('ageMin above ageMax is named', () => {
    expect(problems({ name: '某县', settings: { ageMin: 15, ageMax: 6 } })).toEqual(['义务教育最小年龄（ageMin）不能大于最大年龄（ageMax）']);
  });
  it('the CLI turns them into a UsageError; a missing profile lists the shipped ones; broken JSON is said so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-profile-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{"name": "某县", "settings": {"ageMin": "六"}}');
      expect(() => readProfile(bad)).toThrow(UsageError);
      expect(() => readProfile(bad)).toThrow(/^配置“.*bad\.json”有误：“settings\.ageMin”（义务教育最小年龄（周岁））应为数字。请对照 profiles\/README\.md 改正。$/);
      fs.writeFileSync(bad, '{"name": ');
      expect(() => readProfile(bad)).toThrow(/不是有效的 JSON 文件/);
      expect(() => readProfile('上海')).toThrow(/找不到配置“上海”；可用的有：.*wafangdian（瓦房店市）/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
