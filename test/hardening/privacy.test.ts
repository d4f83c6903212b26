import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnKey } from '../../src/core/tables/schema';
import { readWorkbookFile } from '../../src/io/readFile';
import { recognise } from '../../src/core/find/recognise';
import { checkWorkbook } from '../../src/core/check';
import { cellText } from '../../src/core/model/cell';
import { PersonalData, splitNames } from '../../src/core/privacy/maskFindings';
import { reviewSheet } from '../../src/pane/reviewSheet';
import { RULE_TEXTS } from '../../src/i18n/zh-CN/rules';
import { baoxue, buildCliOnce, ROOT } from './cli';
import { buildWeb } from '../../scripts/browser-kit.cjs';

/** Personal data (身份证号, names) never in logs, masked on request; no network use in the bundles. */

const SAMPLES = path.join(ROOT, '..', 'shared', 'samples');
const SAMPLE_FILES = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();
const NAME_KEYS: ColumnKey[] = ['name', 'guardian', 'guardian2', 'persuasionOwner'];
/** An unmasked 身份证号 (18 characters, or 15 digits) anywhere. */
const FULL_ID = /(?<![0-9])(\d{17}[\dXx]|\d{15})(?![0-9])/;

interface Personal {
  ids: string[];
  names: string[];
}

/** Every 身份证号 and name in a sample's tables, to look for in what the command prints. */
async function personalOf(file: string): Promise<Personal> {
  const tables = recognise(await readWorkbookFile(file)).tables;
  const views = tables.flatMap((t) => (t.kind === 'totals' ? [] : t.views));
  return {
    ids: views.map((v) => cellText(v.get('idcard')).trim()).filter((s) => s.length >= 15),
    names: [...new Set(views.flatMap((v) => NAME_KEYS.flatMap((k) => splitNames(cellText(v.get(k))))))],
  };
}

/**
 * Words every report may print: the rules' own advice gives examples (“王老师”“网格员孙某”) that the
 * synthetic samples happen to use as names too.
 */
const STATIC_TEXT = Object.values(RULE_TEXTS)
  .map((t) => (typeof t.fix === 'string' ? t.fix : ''))
  .join('\n');

function leaks(text: string, p: Personal): string[] {
  const names = p.names.filter((n) => text.includes(n) && !STATIC_TEXT.includes(n));
  return [...p.ids.filter((id) => text.includes(id)), ...names, ...(FULL_ID.exec(text) ?? []).slice(0, 1)];
}

let dir: string;
const personal = new Map<string, Personal>();

beforeAll(async () => {
  buildCliOnce();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-privacy-'));
  for (const f of SAMPLE_FILES) personal.set(f, await personalOf(path.join(SAMPLES, f)));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(SAMPLE_FILES)('%s', (name) => {
  const file = path.join(SAMPLES, name);
  const p = () => personal.get(name)!;

  it('holds personal data to look for', () => {
    expect(p().ids.length).toBeGreaterThan(5);
    expect(p().names.length).toBeGreaterThan(5);
  });

  it('check --json --mask: no 身份证号 and no name in any field', () => {
    const r = baoxue(dir, ['check', file, '--json', '--mask'], 120_000);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: { findings: { attempts?: unknown }[] }[] };
    expect(doc.files[0]!.findings.length).toBeGreaterThan(0);
    expect(doc.files[0]!.findings.filter((f) => f.attempts)).toEqual([]);
    expect(leaks(r.stdout + r.stderr, p())).toEqual([]);
  });

  it('check without --json (the text report, which logs keep): no 身份证号, no name', () => {
    const r = baoxue(dir, ['check', file], 120_000);
    expect(r.code).toBe(1);
    expect(leaks(r.stdout + r.stderr, p())).toEqual([]);
  });

  it('fill: nothing personal on the terminal', () => {
    const r = baoxue(dir, ['fill', file, '-o', path.join(dir, `filled-${name}`)], 120_000);
    expect([0, 2]).toContain(r.code);
    expect(leaks(r.stdout + r.stderr, p())).toEqual([]);
  });
});

describe('the messages check gives hold no 身份证号 even without --mask', () => {
  it.each(SAMPLE_FILES)('%s', (name) => {
    const r = baoxue(dir, ['check', path.join(SAMPLES, name), '--json'], 120_000);
    const doc = JSON.parse(r.stdout) as { files: { findings: { message: string; fix: string }[] }[] };
    const texts = doc.files[0]!.findings.map((f) => `${f.message} ${f.fix}`).join('\n');
    expect(texts).not.toMatch(FULL_ID);
  });
});

describe('merge: the same children in two workbooks', () => {
  const inputs = () => [path.join(SAMPLES, 'wafangdian.xlsx'), path.join(SAMPLES, 'wafangdian_submitted.xlsx')];

  it('--mask: each duplicate finding keeps the region and the last character of the 身份证号, nothing else', () => {
    const r = baoxue(dir, ['merge', ...inputs(), '-o', path.join(dir, 'county-masked.xlsx'), '--json', '--mask'], 120_000);
    const doc = JSON.parse(r.stdout) as { findings: { rule: string; idcard?: string; message: string }[] };
    const dups = doc.findings.filter((f) => f.rule === 'merge.duplicate-child' && f.idcard);
    expect(dups.length).toBeGreaterThan(100);
    const ids = new Set(personal.get('wafangdian.xlsx')!.ids);
    for (const f of dups) {
      expect(f.idcard).toMatch(/^\d{6}\*+[\dX]$/);
      expect([...ids].some((id) => id.length === f.idcard!.length && id.startsWith(f.idcard!.slice(0, 6)) && id.endsWith(f.idcard!.slice(-1)))).toBe(true);
      expect(f.message).toContain(f.idcard!);
    }
    expect(leaks(r.stdout + r.stderr, personal.get('wafangdian.xlsx')!)).toEqual([]);
  });

  it('without --json (the terminal) the ids are masked even without --mask', () => {
    const r = baoxue(dir, ['merge', ...inputs(), '-o', path.join(dir, 'county.xlsx')], 120_000);
    expect(r.stdout).toMatch(/身份证号 \d{6}\*+[\dX] /);
    expect(leaks(r.stdout + r.stderr, personal.get('wafangdian.xlsx')!)).toEqual([]);
  });
});

describe('the 审核意见 sheet the pane writes', () => {
  it('masks 身份证号 and names when asked, and only then', async () => {
    const grid = await readWorkbookFile(path.join(SAMPLES, 'dropout_ledger.xlsx'));
    const report = checkWorkbook(grid, { referenceDate: '2026-09-01' });
    const p = personal.get('dropout_ledger.xlsx')!;
    const text = (masked: boolean) =>
      reviewSheet(report, '2026-09-01', '审核意见', { mask: masked ? PersonalData.of(grid) : undefined })
        .cells.map((c) => cellText(c.value))
        .join('\n');
    // The persuasion rules name the 劝返责任人 in their messages: the sheet without a mask shows them.
    expect(leaks(text(false), p).length).toBeGreaterThan(0);
    expect(leaks(text(true), p)).toEqual([]);
  });
});

/**
 * The built pages: no network API in any bundle, no URL but these, and a Content-Security-Policy
 * on every page. The production build is the one the browser tests serve (scripts/browser-kit.cjs
 * buildWeb: made once per change of the sources, while other jest workers wait for it and reuse it).
 */
const ALLOWED_URLS: [RegExp, string][] = [
  [/^https:\/\/appsforoffice\.microsoft\.com(\/lib\/1\/hosted\/office\.js)?$/, "Microsoft's office.js CDN (the add-in cannot run without it), and its origin in the CSP"],
  [/^https:\/\/appsforoffice\.cdn\.partner\.office365\.cn(\/appsforoffice\/lib\/1\/hosted\/office\.js)?$/, 'the same, from the 21Vianet CDN'],
  [/^http:\/\/schemas\.openxmlformats\.org\//, 'XML namespaces of the xlsx writer (identifiers, never fetched)'],
  [/^http:\/\/schemas\.microsoft\.com\/office\//, 'XML namespaces of the xlsx writer (x14, web extensions)'],
  [/^http:\/\/purl\.org\/dc\//, 'Dublin Core namespaces of document properties'],
  [/^http:\/\/www\.w3\.org\/(XML\/1998\/namespace|2001\/XMLSchema-instance|1999\/xhtml|2000\/svg|1999\/xlink|1998\/Math\/MathML)$/, 'XML and DOM namespace identifiers (React, the xlsx writer)'],
  [/^https:\/\/reactjs\.org\/docs\/error-decoder\.html\?invariant=$/, "text of React's production error messages, never fetched"],
  [/^https?:\/\/json-schema\.org\/draft/, "zod's JSON Schema dialect identifiers, never fetched"],
  [/^http:\/\/www\.w3\.org\/2000\/xmlns\/$/, "saxes (the xlsx reader's conformant XML parser): the xmlns namespace identifier"],
  [/^https?:\/\/www\.w3\.org\/(TR\/REC-xml-names\/#defaulting|XML\/xml-names-19990114-errata\.html)$/, "saxes: references in the comments of its source, never fetched"],
];
/** The only other origins a page may load from: office.js's. */
const OFFICE_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://appsforoffice.cdn.partner.office365.cn'];
const NETWORK_APIS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bRTCPeerConnection\b|\bimportScripts\s*\(\s*["'`]https?:/g;
/**
 * Network calls allowed, each for its reason: the browser page fetches its own demo workbook
 * (src/browser/demo.ts: a relative URL, samples/…, on the page's origin; its CSP has connect-src 'self').
 */
const ALLOWED_CALLS: { file: RegExp; call: string; count: number; evidence: string }[] = [{ file: /^browser\./, call: 'fetch(', count: 1, evidence: 'samples/' }];

function networkCalls(file: string, text: string): string[] {
  const calls = [...text.matchAll(NETWORK_APIS)].map((m) => m[0].replace(/\s+/g, ''));
  const allowed = ALLOWED_CALLS.find((a) => a.file.test(file) && text.includes(a.evidence));
  if (!allowed) return calls;
  const same = calls.filter((c) => c === allowed.call);
  return same.length <= allowed.count ? calls.filter((c) => c !== allowed.call) : calls;
}

describe('the built bundles and pages', () => {
  let web: string;
  let files: string[];

  beforeAll(() => {
    web = buildWeb(path.join(ROOT, '.tmp', 'web'));
    files = fs.readdirSync(web).filter((f) => /\.(js|html)$/.test(f));
  }, 16 * 60_000);

  it('hold the pane, its bundles and no network API', () => {
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.some((f) => f.startsWith('taskpane.'))).toBe(true);
    for (const f of files) expect([f, networkCalls(f, fs.readFileSync(path.join(web, f), 'utf8'))]).toEqual([f, []]);
  });

  it('name no URL but those allowed, each for its reason', () => {
    const seen = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(path.join(web, f), 'utf8').matchAll(/https?:\/\/[a-z0-9.-]+(?::\d+)?[^\s"'`<>);\\]*/gi)) seen.add(m[0]);
    const disallowed = [...seen].filter((u) => !ALLOWED_URLS.some(([re]) => re.test(u)));
    expect(disallowed).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  });

  it('every page carries a Content-Security-Policy that allows no other origin', () => {
    const pages = [...files.filter((f) => f.endsWith('.html')).map((f) => path.join(web, f)), path.join(ROOT, 'src', 'browser', 'browser.html')];
    for (const page of pages) {
      const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(fs.readFileSync(page, 'utf8'))?.[1];
      expect([page, csp === undefined]).toEqual([page, false]);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/object-src 'none'/);
      const origins = [...(csp ?? '').matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]);
      expect(origins.filter((o) => !OFFICE_ORIGINS.includes(o))).toEqual([]);
    }
  });
});
