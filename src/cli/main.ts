import { parseCli } from './args';
import { runArm } from './arm';
import { runCheck } from './check';
import { runFill } from './fill';
import { runMerge } from './merge';
import { runNotices } from './notices';
import { runTemplates } from './templates';
import { UsageError } from './profile';
import { CLI } from '../i18n/zh-CN/cli';

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
  let args;
  try {
    args = parseCli(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${CLI.usage}\n`);
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
    if (e instanceof UsageError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    process.stderr.write(CLI.unexpected(e instanceof Error ? e.message : String(e)) + '\n');
    return 2;
  }
}
