import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { CATALOGUE } from '../../src/core/tables';
import { TEMPLATE_NAME } from '../../src/core/model/workbook';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/io/xlsx';
import { parseCli } from '../../src/cli/args';
import { runTemplates } from '../../src/cli/templates';
import { templateFiles } from '../../src/templates/build';
import { addinFromManifest } from '../../src/templates/manifest';
import { parseA1 } from '../../src/core/model/address';
import { convertWithLibreOffice } from '../helpers/libreOffice';

const ROOT = path.join(__dirname, '..', '..');
const COMMITTED = path.join(ROOT, 'templates');
const addin = addinFromManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'))!;
const files = templateFiles(CATALOGUE, addin);

let dir: string;
const fileOf = (name: string) => path.join(dir, name);
const parts = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-templates-'));
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(await runTemplates(parseCli(['templates', dir]))).toBe(0);
  } finally {
    out.mockRestore();
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('writes one file per template group, holding every catalogue table', () => {
  expect(fs.readdirSync(dir).sort()).toEqual(files.map((f) => f.name).sort());
  const named = files.flatMap((f) => {
    const grid = readWorkbook(new Uint8Array(fs.readFileSync(fileOf(f.name))));
    return grid.definedNames![TEMPLATE_NAME]!.replace(/"/g, '').split(',').map((s) => s.split('@')[0]);
  });
  expect(named.sort()).toEqual(CATALOGUE.map((d) => d.id).sort());
});

describe('read back by openpyxl', () => {
  type Readback = Record<string, { sheets: { name: string; state: string; validations: { sqref: string; items: string[] }[] }[]; definedNames: Record<string, string> }>;
  let seen: Readback;
  beforeAll(() => {
    const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'readback.py'), ...files.map((f) => fileOf(f.name))], { encoding: 'utf8' });
    seen = JSON.parse(out) as Readback;
  });

  it.each(files.map((f) => [f.name, f] as const))('%s: dropdowns equal the definitions’ lists', (_name, file) => {
    const book = seen[fileOf(file.name)]!;
    file.tables.forEach((def, i) => {
      const sheet = book.sheets.find((s) => s.name === file.spec.sheets[i]!.name)!;
      const official = def.kind === 'ledger' ? def.columns : def.kind === 'form' ? def.fields : [];
      const lists = official.filter((c) => c.type === 'category').map((c) => c.list);
      expect(sheet.validations.map((v) => v.items).sort()).toEqual(lists.sort());
      expect(sheet.validations.map((v) => v.sqref).sort()).toEqual((file.spec.sheets[i]!.validations ?? []).map((v) => v.sqref).sort());
    });
    expect(book.definedNames[TEMPLATE_NAME]).toBe(`"${file.tables.map((d) => `${d.id}@${d.version}`).join(',')}"`);
  });
});

it.each(files.map((f) => [f.name] as const))('%s: carries the add-in so its task pane opens with the file', (name) => {
  const zip = parts(fileOf(name));
  const text = (p: string) => strFromU8(zip[p] ?? new Uint8Array());
  expect(text('[Content_Types].xml')).toContain('application/vnd.ms-office.webextensiontaskpanes+xml');
  expect(text('[Content_Types].xml')).toContain('application/vnd.ms-office.webextension+xml');
  expect(text('_rels/.rels')).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2011\/relationships\/webextensiontaskpanes"[^>]*Target="\/?xl\/webextensions\/taskpanes\.xml"|Target="\/?xl\/webextensions\/taskpanes\.xml"[^>]*Type="http:\/\/schemas\.microsoft\.com\/office\/2011\/relationships\/webextensiontaskpanes"/);
  expect(text('xl/webextensions/taskpanes.xml')).toContain('<wetp:webextensionref');
  expect(text('xl/webextensions/_rels/taskpanes.xml.rels')).toContain('webextension1.xml');
  const ext = text('xl/webextensions/webextension1.xml');
  expect(ext).toMatch(new RegExp(`<we:reference[^>]*id="${addin.id}"[^>]*version="${addin.version.replace(/\./g, '\\.')}"`));
  expect(ext).toMatch(/<we:property name="Office\.AutoShowTaskpaneWithDocument" value="true"\s*\/>/);
  // The default production catalog: Centralized Deployment (docs/develop/automatically-open-a-task-pane-with-a-document.md).
  expect(ext).toMatch(/<we:reference [^>]*store="EXCatalog" storeType="EXCatalog"\/>/);
});

/** What an empty template may be told: fields to fill in, an empty totals table, no 劝返 record yet. */
const UNFILLED = /^(required\.|persuasion\.missing$|totals\.unfilled$)/;

it.each(files.filter((f) => f.tables.every((t) => ['ledger', 'totals', 'form'].includes(t.kind))).map((f) => [f.name, f] as const))(
  '%s: our own recogniser finds its tables, with nothing to report but the unfilled state',
  (_name, file) => {
    const grid = readWorkbook(new Uint8Array(fs.readFileSync(fileOf(file.name))));
    const report = checkWorkbook(grid, { referenceDate: '2026-09-01' });
    expect(report.tables.map((t) => [t.sheet, t.template])).toEqual(file.tables.map((d, i) => [file.spec.sheets[i]!.name, d.id]));
    expect(report.unrecognised).toEqual([]);
    for (const f of report.findings) {
      expect(f.rule).toMatch(UNFILLED);
      const def = file.tables[file.spec.sheets.findIndex((s) => s.name === f.sheet)]!;
      if (def.kind === 'ledger') throw new Error(`an empty ledger has nothing to report, got ${f.rule} at ${f.cell}`);
      if (def.kind === 'form') {
        // Each finding points at the value cell left to fill, which the template leaves blank or hinted.
        const at = parseA1(f.cell)!;
        const value = grid.sheets.find((s) => s.name === f.sheet)!.rows[at.row]?.[at.col] ?? null;
        expect([null, def.fields.find((x) => x.label === f.column)?.hint ?? null]).toContain(value);
      }
    }
    for (const form of file.tables.filter((t) => t.kind === 'form')) {
      expect(new Set(report.findings.map((f) => f.column))).toEqual(new Set(form.fields.filter((f) => f.required).map((f) => f.label)));
    }
  },
);

describe('LibreOffice', () => {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

  it('opens every template and converts it to csv', () => {
    if (!soffice) {
      console.log('LibreOffice (soffice) is not installed: skipped opening the templates with it.');
      return;
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-lo-'));
    try {
      const run = convertWithLibreOffice('csv:Text - txt - csv (StarCalc):44,34,76', out, files.map((f) => fileOf(f.name)), 300_000);
      expect([run.status, run.stderr]).toEqual([0, '']);
      for (const f of files) {
        const csv = fs.readFileSync(path.join(out, f.name.replace(/\.xlsx$/, '.csv')), 'utf8');
        expect(csv).toContain(f.tables[0]!.title);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('committed templates/', () => {
  /** Parts that carry the content; zip timestamps and document properties (dates) are left out. */
  const content = (file: string) =>
    Object.fromEntries(Object.entries(parts(file)).filter(([p]) => !p.startsWith('docProps/')).map(([p, bytes]) => [p, strFromU8(bytes)]));

  it('are up to date with the table definitions (run `npm run templates`)', () => {
    expect(fs.readdirSync(COMMITTED).filter((f) => f.endsWith('.xlsx')).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect([f.name, content(path.join(COMMITTED, f.name))]).toEqual([f.name, content(fileOf(f.name))]);
  });
});
