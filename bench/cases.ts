import type { BenchCase } from './harness';
import { checkCases } from './cases/check';
import { totalsCases } from './cases/totals';
import { fileCases } from './cases/files';

/** Every benchmark case, in the order the table shows them. */
export const CASES: BenchCase[] = [...checkCases, ...fileCases, ...totalsCases];
