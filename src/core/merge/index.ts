export { mergeTables, MergeIntegrityError } from './mergeTables';
export type { MergeInput, MergeOptions, MergeResult, MergedInput, MergedColumn, MergeFinding, RowOrigin } from './types';
