import path from 'node:path';
import type { CliArgs } from './args';
import { checkWorkbook } from '../core/check';
import { mergeTables, MergeIntegrityError, type MergeInput, type MergeResult } from '../core/merge';
import { cellText } from '../core/model/cell';
import type { MergeFinding } from '../core/merge/types';
import { maskKnown } from '../core/privacy/mask';
import { splitNames } from '../core/privacy/maskFindings';
import { readWorkbook, createWorkbook } from '../io/xlsx';
import { nodeInflateRaw, readWorkbookFile, writeFileAtomic, NODE_ZIP } from '../io/readFile';
import { encryptWorkbook } from '../io/encrypt/agile';
import { mergedWorkbookSpec, MERGED_HEADER_ROW } from '../templates/merged';
import type { SchoolCheck } from '../templates/mergeNotes';
import { expandInputs } from './inputs';
import { samePath } from './samePath';
import { loadProfile, UsageError } from './profile';
import { describeReadError } from './readError';
import { Progress } from './progress';
import { CLI } from '../i18n/zh-CN/cli';
import { MERGE, MERGE_CLI } from '../i18n/zh-CN/merge';

async function readInputs(files: string[], missing: string[], password: string | undefined): Promise<MergeInput[]> {
  const bar = new Progress(files.length, MERGE_CLI.reading);
  const inputs: MergeInput[] = [];
  for (const file of files) {
    bar.tick(path.basename(file));
    try {
      inputs.push({ file, grid: await readWorkbookFile(file, { password }) });
    } catch (e) {
      inputs.push({ file, grid: null, error: describeReadError(e) });
    }
  }
  bar.end();
  for (const file of missing) inputs.push({ file, grid: null, error: CLI.notFound(file) });
  return inputs;
}

/** Reads the written workbook back and counts the merged rows in it: no file that lost a row leaves here. */
function verifyWritten(bytes: Uint8Array, sheetName: string, result: MergeResult): void {
  const sheet = readWorkbook(bytes, { inflateRaw: nodeInflateRaw, sheets: [sheetName] }).sheets[0];
  const sourceCol = result.header.indexOf(MERGE.sourceColumn);
  const first = MERGED_HEADER_ROW + 1;
  let found = 0;
  while (cellText(sheet?.rows[first + found]?.[sourceCol] ?? null) === cellText(result.rows[found]?.[sourceCol] ?? null) && found < result.rows.length) found++;
  if (found !== result.rows.length) throw new MergeIntegrityError(result.rows.length, found);
}

function jsonReport(result: MergeResult, output: string | null, encrypted: boolean) {
  return {
    inputs: result.inputs.map((i) => ({
      file: i.file,
      status: i.status,
      ...(i.rows !== undefined ? { rows: i.rows } : {}),
      ...(i.template ? { template: i.template } : {}),
      ...(i.reason ? { reason: i.reason } : {}),
      ...(i.school ? { school: i.school } : {}),
    })),
    rowsOut: result.rows.length,
    template: result.tableId,
    output,
    encrypted,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ...(f.idcard ? { idcard: f.idcard } : {}),
      message: f.message,
      fix: f.fix,
      files: f.files,
      // Excel rows of OUT.xlsx's merged sheet.
      outputRows: f.rows.map((r) => MERGED_HEADER_ROW + 2 + r),
    })),
  };
}

/** A finding's message for the terminal, which logs may keep: the child's 身份证号 and name masked. */
function maskedMessage(f: MergeFinding, result: MergeResult): string {
  const nameCol = result.columns.findIndex((c) => c.kind === 'official' && c.def.key === 'name');
  const idCol = result.columns.findIndex((c) => c.kind === 'official' && c.def.key === 'idcard');
  const cell = (r: number, col: number) => (col < 0 ? '' : cellText(result.rows[r]?.[col] ?? null));
  // The message shows the name as compared: NFKC, without spaces.
  const names = f.rows.flatMap((r) => splitNames(cell(r, nameCol)).map((n) => n.normalize('NFKC').replace(/[\s\u3000]/g, '')));
  return maskKnown(f.message, f.rows.map((r) => cell(r, idCol).trim()), names);
}

function textReport(result: MergeResult, output: string | null, encrypted: boolean): string {
  const lines: string[] = [];
  const merged = result.inputs.filter((i) => i.status === 'merged').length;
  if (result.def) lines.push(MERGE_CLI.summary(merged, result.inputs.length, result.rows.length, result.def.title));
  for (const i of result.inputs) if (i.status === 'rejected') lines.push(MERGE_CLI.rejectedLine(i.file, i.reason ?? ''));
  for (const f of result.findings) if (f.rule === 'merge.duplicate-child') lines.push(MERGE_CLI.findingLine(maskedMessage(f, result)));
  if (output) lines.push(MERGE_CLI.wrote(output));
  else lines.push(MERGE_CLI.nothingToMerge);
  if (output && encrypted) lines.push(MERGE_CLI.encrypted);
  return lines.join('\n') + '\n';
}

/**
 * `baoxue merge FILE_OR_DIR… -o OUT.xlsx [--json] [--mask] [--password P]`: one county workbook
 * from the schools' workbooks (P opens encrypted inputs and encrypts OUT). Exit 0 all merged, 1 some inputs left out, 2 usage error or nothing to merge.
 */
export async function runMerge(args: CliArgs): Promise<number> {
  if (args.inputs.length === 0) throw new UsageError(CLI.noInput);
  if (!args.output) throw new UsageError(CLI.needOutput);
  const checkOptions = loadProfile(args.profile, args.refDate);
  const output = path.resolve(args.output);
  const { files, missing } = expandInputs(args.inputs);
  if (files.some((f) => samePath(f, output))) throw new UsageError(CLI.sameAsInput);

  const inputs = await readInputs(files, missing, args.password);
  const result = mergeTables(inputs, { mask: args.mask });
  if (!result.def) {
    if (args.json) process.stdout.write(JSON.stringify(jsonReport(result, null, false), null, 1) + '\n');
    else process.stdout.write(textReport(result, null, false));
    return 2;
  }

  const bar = new Progress(inputs.length, MERGE_CLI.checking);
  const checks: (SchoolCheck | null)[] = inputs.map((input, i) => {
    bar.tick(path.basename(input.file));
    const recognised = result.recognised[i] ?? undefined;
    return input.grid && result.inputs[i]!.status === 'merged' ? checkWorkbook(input.grid, { ...checkOptions, recognised }).counts : null;
  });
  bar.end();

  const spec = mergedWorkbookSpec(result, checks);
  const bytes = createWorkbook(spec, NODE_ZIP);
  verifyWritten(bytes, spec.sheets[0]!.name, result);
  const encrypted = args.password !== undefined && args.password !== '';
  await writeFileAtomic(output, encrypted ? encryptWorkbook(bytes, args.password!) : bytes);

  if (args.json) process.stdout.write(JSON.stringify(jsonReport(result, args.output, encrypted), null, 1) + '\n');
  else process.stdout.write(textReport(result, args.output, encrypted));
  return result.inputs.some((i) => i.status === 'rejected') ? 1 : 0;
}
