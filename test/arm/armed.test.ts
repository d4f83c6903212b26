/**
 * `baoxue arm` on every sample and every template: the output opens in openpyxl and in
 * LibreOffice with the validations and conditional formats in place; values and the bureau's
 * own validations are untouched; arming twice gives the same file as arming once.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOGUE } from '../../src/core/tables';
import { armWorkbook } from '../../src/io/xlsx/armWorkbook';
import { readWorkbook } from '../../src/io/xlsx';
import { templateBytes, templateFiles } from '../../src/templates/build';
import { addinFromManifest } from '../../src/templates/manifest';
import { main } from '../../src/cli/main';
import { HAS_OPENPYXL, openpyxlJson } from '../io/python';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, '..', 'shared', 'samples');
const samples = fs.existsSync(SAMPLES) ? fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort() : [];
const addin = addinFromManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'))!;
const templates = templateFiles(CATALOGUE, addin);
const HAS_LO = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, f)));

interface Seen {
  sheets: Record<string, { ours: number; theirs: number; custom: number; typed: number; formats: number; marked: number }>;
}

const views = new Map<Uint8Array, Seen>();

/** What openpyxl sees: per sheet, validations (ours by their prompt title, custom ones) and conditional-format rules. */
function openpyxlView(bytes: Uint8Array): Seen {
  const known = views.get(bytes);
  if (known) return known;
  const seen = openpyxlJson<Seen>(
    bytes,
    `wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    dv = ws.data_validations.dataValidation
    ours = [d for d in dv if (d.promptTitle or '').startswith('自动检查')]
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    out[ws.title] = {"ours": len(ours), "theirs": len(dv) - len(ours), "custom": sum(1 for d in ours if d.type == 'custom'), "typed": sum(1 for d in ours if d.type in ('custom', 'date')),
                     "formats": len(rules), "marked": sum(1 for r in rules if any('baoxue-arm' in f for f in r.formula))}
print(json.dumps({"sheets": out}, ensure_ascii=False))`,
  );
  views.set(bytes, seen);
  return seen;
}

describe('armed samples and templates', () => {
  const armed = new Map<string, Uint8Array>();
  beforeAll(() => {
    for (const f of samples) armed.set(f, armWorkbook(read(f), { referenceDate: '2026-03-01' }).bytes!);
    // Templates of lists are armed; forms, checklists, notices and totals hold no list rows.
    for (const t of templates) if (t.tables.some((d) => d.kind === 'ledger')) armed.set(t.name, templateBytes(t));
  });

  test('every list template is armed by default', () => {
    expect([...armed.keys()].filter((n) => !samples.includes(n)).length).toBe(templates.filter((t) => t.tables.some((d) => d.kind === 'ledger')).length);
    for (const t of templates) expect(Buffer.from(templateBytes(t)).length).toBeGreaterThan(0);
  });

  test('every sample has a list to arm, and its values are unchanged', async () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const f of samples) {
      const before = await readWorkbook(read(f));
      const after = await readWorkbook(armed.get(f)!);
      expect(after.sheets.map((s) => s.rows)).toEqual(before.sheets.map((s) => s.rows));
    }
  });

  test('arming again replaces its own rules: the same file as arming once', () => {
    for (const f of samples) {
      const again = armWorkbook(armed.get(f)!, { referenceDate: '2026-03-01' }).bytes!;
      expect(Buffer.from(again).equals(Buffer.from(armed.get(f)!))).toBe(true);
    }
  });

  (HAS_OPENPYXL ? test : test.skip)('openpyxl opens every armed file with our validations and formats, the bureau’s kept', () => {
    for (const [name, bytes] of armed) {
      const seen = openpyxlView(bytes);
      const sheets = Object.values(seen.sheets);
      expect([name, sheets.reduce((n, s) => n + s.marked, 0) > 0]).toEqual([name, true]);
      if (samples.includes(name)) {
        const original = openpyxlView(read(name));
        for (const [sheet, s] of Object.entries(seen.sheets)) expect([name, sheet, s.theirs]).toEqual([name, sheet, original.sheets[sheet]!.theirs]);
      }
    }
    // The 身份证号 validation is there wherever the bureau gave the column none.
    expect(openpyxlView(armed.get('wafangdian.xlsx')!).sheets['附件4']!.custom).toBe(1);
  });

  (HAS_LO && HAS_OPENPYXL ? test : test.skip)(
    'LibreOffice opens every armed file with the validations and conditional formats in place',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-armed-'));
      try {
        const names = [...armed.keys()];
        const files = names.map((n, i) => {
          const file = path.join(dir, `${i}.xlsx`);
          fs.writeFileSync(file, armed.get(n)!);
          return file;
        });
        const run = spawnSync('/usr/bin/python3', [path.join(__dirname, 'lo_eval.py'), ...files, '--rules'], { encoding: 'utf8', timeout: 300_000 });
        const typed = names.map((n) => Object.values(openpyxlView(armed.get(n)!).sheets).some((s) => s.typed > 0));
        const out = JSON.parse(run.stdout) as { files: { error?: string; rules: Record<string, { validations: Record<string, number>; conditionalFormats: number }> }[] };
        out.files.forEach((r, i) => {
          expect([names[i], r.error]).toEqual([names[i], undefined]);
          const sheets = Object.values(r.rules);
          expect([names[i], sheets.some((s) => s.conditionalFormats > 0)]).toEqual([names[i], true]);
          const loTyped = sheets.some((s) => Object.keys(s.validations).some((k) => k.startsWith('CUSTOM|') || k.startsWith('DATE|')));
          expect([names[i], loTyped]).toEqual([names[i], typed[i]]);
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  test('baoxue arm writes the file and says what the workbook now checks and what still needs the tool', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-arm-cli-'));
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      const target = path.join(dir, 'armed.xlsx');
      expect(await main(['arm', path.join(SAMPLES, 'wafangdian.xlsx'), '-o', target])).toBe(0);
      expect(fs.existsSync(target)).toBe(true);
      const text = out.join('');
      expect(text).toContain('表格现在自己会检查');
      expect(text).toContain('劝返过程记录');
      expect(text).toContain('附件4');
    } finally {
      spy.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
