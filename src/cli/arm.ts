import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs } from './args';
import { recognise } from '../core/find/recognise';
import { armLedger, placementOf } from '../core/arm';
import { openPackage, readWorkbook } from '../io/xlsx';
import { NODE_ZIP, nodeInflateRaw, readWorkbookBytes, writeFileAtomic } from '../io/readFile';
import { loadProfile, UsageError } from './profile';
import { describeReadError } from './readError';
import { samePath } from './samePath';
import { CLI } from '../i18n/zh-CN/cli';
import { ARM_TEXTS } from '../i18n/zh-CN/arm';

/**
 * `baoxue arm FILE -o OUT.xlsx [--profile P] [--ref-date D]`: OUT is FILE with the rules a
 * spreadsheet can hold by itself put into every recognised list (validations and conditional
 * formats), through the lossless patcher. Without --ref-date the workbook judges at TODAY().
 * Exit 0 written, 2 usage error, unreadable file or nothing to arm.
 */
export async function runArm(args: CliArgs): Promise<number> {
  if (args.inputs.length !== 1) throw new UsageError(CLI.noInput);
  const input = args.inputs[0]!;
  if (!args.output) throw new UsageError(CLI.needOutput);
  if (samePath(input, args.output)) throw new UsageError(CLI.sameAsInput);
  if (path.extname(args.output).toLowerCase() !== path.extname(input).toLowerCase()) {
    throw new UsageError(CLI.outputExtension(path.extname(input).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx'));
  }
  const profile = loadProfile(args.profile, args.refDate);
  if (!fs.existsSync(input)) {
    process.stderr.write(CLI.notFound(input) + '\n');
    return 2;
  }
  let bytes: Uint8Array;
  let grid;
  try {
    bytes = await readWorkbookBytes(input, args.password);
    grid = await readWorkbook(bytes, { inflateRaw: nodeInflateRaw });
  } catch (e) {
    process.stderr.write(`${CLI.unreadable}：${describeReadError(e)}\n`);
    return 2;
  }
  const { tables } = recognise(grid);
  const lines: string[] = [];
  const pkg = openPackage(bytes, NODE_ZIP);
  let armed = 0;
  for (const t of tables) {
    if (t.kind === 'form') lines.push(ARM_TEXTS.skippedForm(t.sheet.name, t.def.title));
    if (t.kind !== 'ledger') continue;
    const plan = armLedger(t, profile);
    if (plan.checks.length === 0) continue;
    pkg.armSheet(t.sheet.name, plan.checks, plan.validations, plan.names);
    const at = placementOf(t);
    lines.push(ARM_TEXTS.armedTable(t.sheet.name, t.def.title, at.firstRow + 1, at.lastRow + 1, plan.checks.length));
    armed++;
  }
  if (armed === 0) {
    process.stderr.write([...lines, ARM_TEXTS.nothingToArm].join('\n') + '\n');
    return 2;
  }
  await writeFileAtomic(args.output, pkg.toBytes());
  lines.push(ARM_TEXTS.selfChecks, ARM_TEXTS.stillNeeded, CLI.wrote(args.output));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
