import fs from 'node:fs';
import type { CliArgs } from './args';
import { recognise } from '../core/find/recognise';
import { canIssueNotices, collectNotices, type NoticeSelection, type Shortfall } from '../core/notices/select';
import { noticeWorkbook } from '../core/notices/layout';
import { chineseDate, isIsoDate } from '../core/notices/wording';
import { createWorkbook } from '../io/xlsx';
import { readWorkbookFile, writeFileAtomic, NODE_ZIP } from '../io/readFile';
import { readProfile, UsageError } from './profile';
import { describeReadError } from './readError';
import { samePath } from './samePath';
import { convertToPdf, findOffice } from './pdf';
import { CLI } from '../i18n/zh-CN/cli';
import { NOTICES_CLI } from '../i18n/zh-CN/notices';

/** The same file, whether named by a relative path, an absolute one or through a symlinked folder. */

/** Today in the local time zone, yyyy-mm-dd: the date the notices are issued. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Sheet and rows only: names are personal data and stay in the output's 未能生成 sheet. Rows with
 * the same reason share a line, as a list without a 监护人 column gives every row the same one.
 */
function shortfallLines(list: Shortfall[]): string[] {
  const groups = new Map<string, { sheet: string; reason: string; rows: number[] }>();
  for (const s of list) {
    const key = `${s.sheet}\u0000${s.reason}`;
    const g = groups.get(key) ?? { sheet: s.sheet, reason: s.reason, rows: [] };
    g.rows.push(s.row);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => NOTICES_CLI.shortfallLine(g.sheet, g.rows, g.reason));
}

function report(selection: NoticeSelection, out: string, reportBy: string): string[] {
  const lines = [CLI.wrote(out)];
  const returns = selection.notices.filter((n) => n.fields.kind === 'return').length;
  // "Nobody needs a notice" only when nobody is listed as lacking one either.
  if (selection.notices.length) lines.push(NOTICES_CLI.summary(returns, selection.notices.length - returns, chineseDate(reportBy)));
  else lines.push(selection.lacking.length ? NOTICES_CLI.noneMade : NOTICES_CLI.noChildren);
  if (selection.lacking.length) lines.push(NOTICES_CLI.lackingHeader(selection.lacking.length), ...shortfallLines(selection.lacking));
  if (selection.handFill.length) lines.push(NOTICES_CLI.blankHeader(selection.handFill.length), ...shortfallLines(selection.handFill));
  return lines;
}

/**
 * `baoxue notices FILE -o OUT.xlsx --unit 单位 --date yyyy-mm-dd [--profile 地区] [--pdf]`: a 复学/入学通知书
 * per child not yet in school, one per A4 page. --date is the 报到截止日期 printed in it ("请您于12月1日前");
 * the profile names the laws it cites. Exit 0 every chosen child has a notice, 1 some could not
 * be given one (listed), 2 usage error, unreadable file or no list to make notices from.
 */
export async function runNotices(args: CliArgs): Promise<number> {
  if (args.inputs.length === 0) throw new UsageError(CLI.noInput);
  if (args.inputs.length > 1) throw new UsageError(NOTICES_CLI.oneInput);
  const input = args.inputs[0]!;
  if (!args.output) throw new UsageError(CLI.needOutput);
  const out = args.output;
  if (samePath(input, out)) throw new UsageError(CLI.sameAsInput);
  const pdfOut = args.pdf ? out.replace(/(\.xlsx)?$/i, '.pdf') : null;
  if (pdfOut && samePath(input, pdfOut)) throw new UsageError(NOTICES_CLI.pdfSameAsInput);
  const unit = args.unit?.trim();
  if (!unit) throw new UsageError(NOTICES_CLI.needUnit);
  if (!args.date) throw new UsageError(NOTICES_CLI.needDate);
  if (!isIsoDate(args.date)) throw new UsageError(CLI.badDate(args.date));
  // The law the notices cite is the county's (001's 式样 cite 山东's regulation): from its profile.
  const law = args.profile ? readProfile(args.profile).law : undefined;
  if (!fs.existsSync(input)) {
    process.stderr.write(CLI.notFound(input) + '\n');
    return 2;
  }

  let grid;
  try {
    grid = await readWorkbookFile(input);
  } catch (e) {
    process.stderr.write(`${CLI.unreadable}：${describeReadError(e)}\n`);
    return 2;
  }
  const tables = recognise(grid).tables.filter(canIssueNotices);
  if (tables.length === 0) {
    process.stderr.write(NOTICES_CLI.noSource + '\n');
    return 2;
  }
  const today = localToday();
  if (args.date < today) process.stderr.write(NOTICES_CLI.dateBeforeToday(args.date, today) + '\n');
  // The command line cannot ask for names per child, and the 式样 itself prints the guardian as a
  // blank: a child whose list has no guardian still gets a notice, with the name left to write by hand.
  const selection = collectNotices(tables, { reportBy: args.date, unit, issueDate: today, guardianFallback: 'blank', ...(law ? { law } : {}) });
  await writeFileAtomic(out, createWorkbook(noticeWorkbook(selection), NODE_ZIP));
  process.stdout.write(report(selection, out, args.date).join('\n') + '\n');

  if (pdfOut && selection.notices.length > 0) {
    const office = findOffice();
    if (!office) process.stderr.write(NOTICES_CLI.noOffice + '\n');
    else {
      try {
        await writeFileAtomic(pdfOut, await convertToPdf(office, out));
        process.stdout.write(NOTICES_CLI.wrotePdf(pdfOut) + '\n');
      } catch (e) {
        process.stderr.write(NOTICES_CLI.pdfFailed(e instanceof Error ? e.message : String(e)) + '\n');
      }
    }
  }
  return selection.lacking.length > 0 ? 1 : 0;
}
