import { parseArgs } from 'node:util';
import { UsageError } from './profile';
import { CLI } from '../i18n/zh-CN/cli';

export interface CliArgs {
  command: string;
  inputs: string[];
  json: boolean;
  output?: string;
  profile?: string;
  refDate?: string;
  issued?: string;
  mask: boolean;
  /** fill: also add a 汇总 sheet for every ledger. */
  summary: boolean;
  password?: string;
  pdf: boolean;
  unit?: string;
  date?: string;
  /** templates: how the add-in is deployed (centralized, share, sideload). */
  route?: string;
  /** templates: the network share's path when route is share. */
  share?: string;
}

/** Node's parseArgs error (English) as one Chinese line. */
function argumentError(e: unknown): UsageError {
  const err = e as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(err.message ?? '')?.[1]?.split(/,\s*/).pop()?.replace(/\s.*$/, '') ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(CLI.unknownOption(option));
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/argument missing/.test(err.message ?? '') ? CLI.optionNeedsValue(option) : CLI.optionTakesNoValue(option));
  }
  return new UsageError(CLI.badArguments);
}

/** Parses `baoxue COMMAND …`; throws UsageError (one Chinese line) on unknown options or missing values. */
export function parseCli(argv: string[]): CliArgs {
  try {
    return toCliArgs(argv);
  } catch (e) {
    throw argumentError(e);
  }
}

function toCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      profile: { type: 'string' },
      'ref-date': { type: 'string' },
      issued: { type: 'string' },
      mask: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      password: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      unit: { type: 'string' },
      date: { type: 'string' },
      route: { type: 'string' },
      share: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command = 'help', ...inputs] = positionals;
  return {
    command: values.help ? 'help' : command,
    inputs,
    json: values.json ?? false,
    output: values.output,
    profile: values.profile,
    refDate: values['ref-date'],
    issued: values.issued,
    mask: values.mask ?? false,
    summary: values.summary ?? false,
    password: values.password,
    pdf: values.pdf ?? false,
    unit: values.unit,
    date: values.date,
    route: values.route,
    share: values.share,
  };
}
