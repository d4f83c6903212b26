import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs } from './args';
import { armWorkbook } from '../io/xlsx/armWorkbook';
import { NODE_ZIP, readWorkbookBytes, writeFileAtomic } from '../io/readFile';
import { encryptWorkbook } from '../io/encrypt/agile';
import { loadProfile, UsageError } from './profile';
import { describeReadError } from './readError';
import { samePath } from './samePath';
import { CLI } from '../i18n/zh-CN/cli';
import { ARM_TEXTS } from '../i18n/zh-CN/arm';

/**
 * `baoxue arm FILE -o OUT.xlsx [--profile P] [--ref-date D]`: OUT is FILE with the rules a
 * spreadsheet can hold by itself put into every recognised list (validations and conditional
 * formats), through the lossless patcher. Without --ref-date the workbook judges at TODAY().
 * With --password FILE may be encrypted and OUT is. Exit 0 written, 2 usage error, unreadable file or nothing to arm.
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
  let result;
  try {
    const bytes = await readWorkbookBytes(input, args.password);
    result = armWorkbook(bytes, { ...profile, zip: NODE_ZIP });
  } catch (e) {
    process.stderr.write(`${CLI.unreadable}：${describeReadError(e)}\n`);
    return 2;
  }
  const lines = [
    ...result.skippedForms.map((f) => ARM_TEXTS.skippedForm(f.sheet, f.title)),
    ...result.armed.map((t) => ARM_TEXTS.armedTable(t.sheet, t.title, t.from, t.to, t.checks)),
  ];
  if (!result.bytes) {
    process.stderr.write([...lines, ARM_TEXTS.nothingToArm].join('\n') + '\n');
    return 2;
  }
  const encrypted = args.password !== undefined && args.password !== '';
  await writeFileAtomic(args.output, encrypted ? encryptWorkbook(result.bytes, args.password!) : result.bytes);
  lines.push(ARM_TEXTS.selfChecks, ARM_TEXTS.stillNeeded, CLI.wrote(args.output));
  if (encrypted) lines.push(CLI.encryptedOutput);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
