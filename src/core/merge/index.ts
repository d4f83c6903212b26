export { mergeTables, mergeExtracts, MergeIntegrityError } from './mergeTables';
export { extractSchool, type SchoolExtract } from './extract';
export type { MergeInput, MergeOptions, MergeResult, MergedInput, MergedColumn, MergedTable, InputTable, MergeFinding, RowOrigin } from './types';
