import type { BenchCase } from './harness';
import { checkCases } from './cases/check';

/** Every benchmark case, in the order the table shows them. */
export const CASES: BenchCase[] = [...checkCases];
