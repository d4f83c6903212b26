import type { ColumnKey } from '../core/tables/schema';

/** One field on a form row: its label cell and the merged value cells to its right (0-based columns). */
export interface FormPlacement {
  key: ColumnKey;
  label: number;
  value: [number, number];
}

export interface FormRowLayout {
  fields: FormPlacement[];
  /** Lines of handwriting the row leaves room for (long-text boxes are taller). */
  lines?: number;
}

export interface FormLayout {
  /** Column widths in characters; column 0 holds the section labels. */
  widths: number[];
  rows: FormRowLayout[];
}

const at = (key: ColumnKey, label: number, from: number, to = from): FormPlacement => ({ key, label, value: [from, to] });

/**
 * Where each field of a form stands, row by row, as the seed draws it. Labels, types and
 * dropdowns come from the table definition; only the positions live here.
 */
export const FORM_LAYOUTS: Record<string, FormLayout> = {
  // 004 附件5, 江西省义务教育阶段辍学学生登记表: twelve columns, as in the seed's table.
  'jiangxi-form': {
    widths: [5, 11, 9, 9, 9, 11, 9, 9, 9, 9, 9, 9],
    rows: [
      { fields: [at('name', 1, 2, 4), at('idcard', 5, 6, 11)] },
      { fields: [at('birthDate', 1, 2, 4), at('gender', 5, 6), at('age', 7, 8), at('ethnicity', 9, 10, 11)] },
      { fields: [at('health', 1, 2, 4), at('studentNumber', 5, 6, 11)] },
      { fields: [at('guardian', 1, 2, 4), at('guardianRelation', 5, 6), at('phone', 7, 8, 11)] },
      { fields: [at('guardian2', 1, 2, 4), at('guardian2Relation', 5, 6), at('guardian2Phone', 7, 8, 11)] },
      { fields: [at('hukou', 1, 2, 11)], lines: 2 },
      { fields: [at('school', 1, 2, 11)], lines: 2 },
      { fields: [at('residence', 1, 2, 11)], lines: 2 },
      { fields: [at('reason', 0, 1, 4), at('familySituation', 5, 6, 11)], lines: 6 },
      { fields: [at('persuasionDone', 1, 2), at('persuasionCount', 3, 4), at('persuasionResult', 5, 6), at('notReturnedReason', 7, 8, 11)], lines: 3 },
      { fields: [at('persuasionUnit', 1, 2, 4), at('persuasionOwner', 5, 6), at('ownerPhone', 7, 8, 11)] },
      { fields: [at('persuasionRecord', 1, 2, 11)], lines: 16 },
    ],
  },
};
