import type { CliArgs } from './args';
import type { Finding } from '../core/model/finding';
import { checkWorkbook, type CheckReport } from '../core/check';
import type { WorkbookGrid } from '../core/model/workbook';
import { compareWithIssued } from '../core/issued/compare';
import { recognise } from '../core/find/recognise';
import { PersonalData } from '../core/privacy/maskFindings';
import { readWorkbookFile } from '../io/readFile';
import { expandInputs } from './inputs';
import { loadProfile, UsageError } from './profile';
import { describeReadError } from './readError';
import { CLI } from '../i18n/zh-CN/cli';
import { printable } from './printable';

export interface FileResult {
  file: string;
  ok: boolean;
  error: string | null;
  sheets: { sheet: string; template: string; title: string; headerRow: number; rows: number }[];
  findings: Finding[];
}

/** `mask`: 身份证号 and names in the findings masked, persuasion attempts left out (see PersonalData). */
export async function checkFile(file: string, args: CliArgs, issued?: WorkbookGrid, mask = args.mask): Promise<FileResult> {
  const opts = loadProfile(args.profile, args.refDate);
  let report: CheckReport;
  let findings: Finding[];
  try {
    const grid = await readWorkbookFile(file, { password: args.password });
    const recognised = recognise(grid);
    report = checkWorkbook(grid, { ...opts, recognised });
    findings = issued ? [...report.findings, ...compareWithIssued(issued, grid)] : report.findings;
    if (mask) {
      const personal = new PersonalData(recognised);
      findings = findings.map((f) => personal.maskFinding(f));
    }
  } catch (e) {
    return { file, ok: false, error: describeReadError(e), sheets: [], findings: [] };
  }
  return {
    file,
    ok: true,
    error: null,
    sheets: report.tables.map((t) => ({ sheet: t.sheet, template: t.template, title: t.title, headerRow: t.headerRow, rows: t.rows })),
    findings,
  };
}

function printText(results: FileResult[]) {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    lines.push(CLI.fileHeader(r.file));
    if (!r.ok) {
      lines.push(`  ${CLI.unreadable}：${r.error}`);
      continue;
    }
    for (const s of r.sheets) lines.push(CLI.sheetLine(s.sheet, s.title, s.rows, s.headerRow));
    if (r.findings.length === 0) lines.push(CLI.clean);
    let sheet = '';
    for (const f of r.findings) {
      if (f.sheet !== sheet) {
        sheet = f.sheet;
        lines.push(`  【${sheet}】`);
      }
      lines.push(CLI.findingLine(f.cell, f.severity === 'error' ? CLI.error : CLI.warning, f.message, f.fix));
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  }
  lines.push(CLI.summary(results.length, errors, warnings));
  process.stdout.write(lines.map(printable).join('\n') + '\n');
}

/** `baoxue check FILE_OR_DIR… [--json] [--mask] [--password P]`: exit 0 no errors, 1 errors found, 2 usage error or nothing readable. */
export async function runCheck(args: CliArgs): Promise<number> {
  if (args.inputs.length === 0) throw new UsageError(CLI.noInput);
  loadProfile(args.profile, args.refDate); // usage errors before any work
  const { files, missing } = expandInputs(args.inputs);
  const results: FileResult[] = missing.map((f) => ({ file: f, ok: false, error: CLI.notFound(f), sheets: [], findings: [] }));
  let issued: WorkbookGrid | undefined;
  if (args.issued) {
    try {
      issued = await readWorkbookFile(args.issued, { password: args.password });
    } catch (e) {
      throw new UsageError(CLI.issuedUnreadable(args.issued, describeReadError(e)));
    }
  }
  // The text report goes to terminals and logs: it is always masked; JSON only with --mask.
  for (const file of files) results.push(await checkFile(file, args, issued, args.mask || !args.json));
  if (args.json) process.stdout.write(JSON.stringify({ files: results }, null, 1) + '\n');
  else printText(results);
  if (!results.some((r) => r.ok)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
