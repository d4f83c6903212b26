export { mergeTables, MergeIntegrityError } from './mergeTables';
export type { MergeInput, MergeOptions, MergeResult, MergedInput, MergedColumn, MergedTable, InputTable, MergeFinding, RowOrigin } from './types';
