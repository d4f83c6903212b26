import { checkWorkbook, today, type CheckOptions } from '../core/check';
import { recognise } from '../core/find/recognise';
import { extractSchool, type SchoolExtract } from '../core/merge';
import { CATALOGUE } from '../core/tables';
import type { SchoolCheck } from '../templates/mergeNotes';
import { readWorkbookFile } from '../io/readFile';
import { loadProfile } from './profile';
import { describeReadError } from './readError';
import { CLI } from '../i18n/zh-CN/cli';

/** One school's workbook to read and check, as a worker thread receives it. */
export interface SchoolJob {
  file: string;
  password?: string;
  profile?: string;
  refDate?: string;
}

/** What the merge keeps of a school: the rows it merges and the check's counts; the workbook itself goes. */
export interface SchoolDone {
  extract: SchoolExtract;
  check: SchoolCheck | null;
}

/**
 * The check's options for a job, read once per thread and not once per school (a profile is a
 * file): every school of a merge is checked at the same reference date.
 */
let options: { profile?: string; refDate?: string; opts: CheckOptions } | null = null;
function checkOptions(job: SchoolJob): CheckOptions {
  if (options === null || options.profile !== job.profile || options.refDate !== job.refDate) {
    const opts = loadProfile(job.profile, job.refDate);
    options = { profile: job.profile, refDate: job.refDate, opts: { ...opts, referenceDate: opts.referenceDate ?? today() } };
  }
  return options.opts;
}

/** Reads one school's workbook, takes what the merge needs and checks it. Never throws: a failure is the school's error. */
export async function processSchool(job: SchoolJob): Promise<SchoolDone> {
  let grid;
  try {
    grid = await readWorkbookFile(job.file, { password: job.password });
  } catch (e) {
    return { extract: extractSchool({ file: job.file, grid: null, error: describeReadError(e) }), check: null };
  }
  try {
    const recognised = recognise(grid);
    const extract = extractSchool({ file: job.file, grid }, CATALOGUE, recognised);
    // Only a school whose lists are merged has its check counted in 合并说明.
    const check = extract.ledgers.length > 0 ? checkWorkbook(grid, { ...checkOptions(job), recognised }).counts : null;
    return { extract, check };
  } catch (e) {
    return { extract: extractSchool({ file: job.file, grid: null, error: CLI.unexpected(e instanceof Error ? e.message : String(e)) }), check: null };
  }
}
