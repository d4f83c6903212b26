import { tableSchema, type TableDef, type LedgerDef, type TotalsDef, type FormDef } from './schema';
import { dropoutLedger } from './dropoutLedger';
import { surveyLedger } from './surveyLedger';
import { wafangdianIndividual } from './wafangdianIndividual';
import { wafangdianTotals } from './wafangdianTotals';
import { archiveChecklist } from './archiveChecklist';
import { ganxianRegister } from './ganxianRegister';
import { ganxianReturn } from './ganxianReturn';
import { ganxianDisabled } from './ganxianDisabled';
import { ganxianSendTeach } from './ganxianSendTeach';
import { jiangxiForm } from './jiangxiForm';
import { enrolNotice, returnNotice } from './notices';

/** Every official table of ../shared/seeds, validated by zod when this module loads. */
export const CATALOGUE: readonly TableDef[] = [
  dropoutLedger,
  surveyLedger,
  wafangdianIndividual,
  wafangdianTotals,
  archiveChecklist,
  ganxianRegister,
  ganxianReturn,
  ganxianDisabled,
  ganxianSendTeach,
  jiangxiForm,
  enrolNotice,
  returnNotice,
].map((t) => tableSchema.parse(t));

const ids = new Set<string>();
for (const t of CATALOGUE) {
  if (ids.has(t.id)) throw new Error(`duplicate table id ${t.id}`);
  ids.add(t.id);
}

export function tableById(id: string): TableDef | undefined {
  return CATALOGUE.find((t) => t.id === id);
}

export const LEDGERS: readonly LedgerDef[] = CATALOGUE.filter((t): t is LedgerDef => t.kind === 'ledger');
export const TOTALS: readonly TotalsDef[] = CATALOGUE.filter((t): t is TotalsDef => t.kind === 'totals');
export const FORMS: readonly FormDef[] = CATALOGUE.filter((t): t is FormDef => t.kind === 'form');

export type { TableDef, LedgerDef, TotalsDef, FormDef } from './schema';
