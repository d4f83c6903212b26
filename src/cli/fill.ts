import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs } from './args';
import type { SheetSpec } from '../io/xlsx/spec';
import { recognise } from '../core/find/recognise';
import { planTotals, type TotalsFill } from '../core/totals/fill';
import { planSummaries } from '../core/totals/summary';
import { openPackage, readWorkbook } from '../io/xlsx';
import { NODE_ZIP, nodeInflateRaw, readWorkbookBytes, writeFileAtomic } from '../io/readFile';
import { ZipArchive } from '../io/xlsx/zip/readZip';
import { encryptWorkbook } from '../io/encrypt/agile';
import { UsageError } from './profile';
import { describeReadError } from './readError';
import { samePath } from './samePath';
import { CLI } from '../i18n/zh-CN/cli';
import { TOTALS_TEXTS } from '../i18n/zh-CN/totals';
import { printable } from './printable';

/** A macro-enabled workbook (.xlsm) by its content type: Excel opens it only under that extension. */
function isMacroEnabled(bytes: Uint8Array): boolean {
  const zip = new ZipArchive(bytes, NODE_ZIP);
  const types = zip.find('[Content_Types].xml');
  return types !== undefined && /macroEnabled\.main\+xml/.test(new TextDecoder().decode(zip.read(types)));
}

function report(fill: TotalsFill): string[] {
  const w = fill.write;
  const lines: string[] = [];
  if (w.kind === 'cells') lines.push(TOTALS_TEXTS.filled(w.sheet, fill.computed.groups.length));
  else if (w.beside) lines.push(TOTALS_TEXTS.tooFewRows(w.beside, w.missingRows ?? 0, w.newSheet.name));
  else lines.push(TOTALS_TEXTS.addedSheet(w.newSheet.name));
  const un = fill.computed.uncounted;
  if (un.length > 0) {
    const rows = un.slice(0, 30).map((u) => u.row + 1).join('、') + (un.length > 30 ? '…' : '');
    lines.push(TOTALS_TEXTS.uncounted(fill.computed.ledger.sheet.name, un.length, rows));
  }
  return lines;
}

/**
 * `baoxue fill FILE -o OUT.xlsx [--summary] [--password P]`: OUT is FILE with every totals table
 * filled from its detail rows (and, with --summary, a 汇总 sheet per ledger); everything else is
 * copied as it was, through the lossless patcher. With a password, FILE may be encrypted and OUT is. Exit 0 written, 2 usage error, unreadable file or nothing to fill.
 */
export async function runFill(args: CliArgs): Promise<number> {
  if (args.inputs.length === 0) throw new UsageError(CLI.noInput);
  if (args.inputs.length > 1) throw new UsageError(TOTALS_TEXTS.oneInput);
  const input = args.inputs[0]!;
  if (!args.output) throw new UsageError(CLI.needOutput);
  const out = args.output;
  if (samePath(input, out)) throw new UsageError(CLI.sameAsInput);
  if (!fs.existsSync(input)) {
    process.stderr.write(printable(CLI.notFound(input)) + '\n');
    return 2;
  }

  let bytes: Uint8Array;
  let grid;
  try {
    bytes = await readWorkbookBytes(input, args.password);
    grid = await readWorkbook(bytes, { inflateRaw: nodeInflateRaw });
  } catch (e) {
    process.stderr.write(printable(`${CLI.unreadable}：${describeReadError(e)}`) + '\n');
    return 2;
  }

  // OUT keeps everything FILE holds, macros included; Excel refuses a package under the wrong extension.
  const extension = isMacroEnabled(bytes) ? '.xlsm' : '.xlsx';
  if (path.extname(out).toLowerCase() !== extension) throw new UsageError(CLI.outputExtension(extension));

  const recognised = recognise(grid);
  const names = grid.sheets.map((s) => s.name);
  const fills = planTotals(recognised, names);
  const added = fills.flatMap((f) => (f.write.kind === 'sheet' ? [f.write.newSheet.name] : []));
  const summaries: SheetSpec[] = args.summary ? planSummaries(recognised, [...names, ...added]) : [];
  if (fills.length === 0 && summaries.length === 0) {
    process.stderr.write(TOTALS_TEXTS.nothingToFill + '\n');
    return 2;
  }

  const pkg = openPackage(bytes, NODE_ZIP);
  for (const f of fills) {
    if (f.write.kind === 'cells') pkg.setCells(f.write.sheet, f.write.cells);
    else pkg.addSheet(f.write.newSheet);
  }
  for (const s of summaries) pkg.addSheet(s);
  const encrypted = args.password !== undefined && args.password !== '';
  await writeFileAtomic(out, encrypted ? encryptWorkbook(pkg.toBytes(), args.password!) : pkg.toBytes());

  const lines = [...fills.flatMap(report), ...summaries.map((s) => TOTALS_TEXTS.addedSummary(s.name)), CLI.wrote(out)];
  if (encrypted) lines.push(CLI.encryptedOutput);
  process.stdout.write(lines.map(printable).join('\n') + '\n');
  return 0;
}
