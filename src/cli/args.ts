import { parseArgs } from 'node:util';

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

/** Parses `baoxue COMMAND …`; throws on unknown options (the caller prints usage). */
export function parseCli(argv: string[]): CliArgs {
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
