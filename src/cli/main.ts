import { parseCli } from './args';
import { runArm } from './arm';
import { runCheck } from './check';
import { runFill } from './fill';
import { runMerge } from './merge';
import { runNotices } from './notices';
import { runTemplates } from './templates';
import { UsageError } from './profile';
import { describeFsError } from './fsError';
import { XlsxError } from '../io/xlsx/errors';
import { MergeIntegrityError } from '../core/merge';
import { CLI } from '../i18n/zh-CN/cli';
import { printable } from './printable';

type Command = (args: ReturnType<typeof parseCli>) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  arm: runArm,
  check: runCheck,
  fill: runFill,
  merge: runMerge,
  notices: runNotices,
  templates: runTemplates,
};

/** Entry of the `baoxue` command; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  // Nothing asked: say how to ask, and fail, so a script that forgot its arguments notices.
  if (argv.length === 0) {
    process.stderr.write(CLI.usage + '\n');
    return 2;
  }
  let args;
  try {
    args = parseCli(argv);
  } catch (e) {
    process.stderr.write(printable(oneLine(e instanceof Error ? e.message : String(e))) + '\n');
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(CLI.usage + '\n');
    return 0;
  }
  const run = COMMANDS[args.command];
  if (!run) {
    process.stderr.write(`${CLI.unknownCommand(args.command)}\n${CLI.usage}\n`);
    return 2;
  }
  try {
    return await run(args);
  } catch (e) {
    process.stderr.write(printable(oneLine(failure(e))) + '\n');
    return 2;
  }
}

/** What to tell the user when a command failed: our own Chinese message, or one for the system's error. */
function failure(e: unknown): string {
  if (e instanceof UsageError || e instanceof XlsxError || e instanceof MergeIntegrityError) return e.message;
  return describeFsError(e) ?? CLI.unexpected(e instanceof Error ? e.message : String(e));
}

/** Every message is one line (a log keeps it whole; a script reads it with one read). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
