import type { BenchCase } from './harness';
import { checkCases } from './cases/check';
import { fileCases } from './cases/files';
import { totalsCases } from './cases/totals';
import { copyCases } from './cases/copies';
import { mergeCases } from './cases/merge';
import { excelCases, paneThreadCases } from './cases/excel';
import { paneCases } from './cases/pane';

/** Every benchmark case, in the order the table shows them. */
export const CASES: BenchCase[] = [...checkCases, ...fileCases, ...totalsCases, ...copyCases, ...mergeCases, ...excelCases, ...paneThreadCases, ...paneCases];
