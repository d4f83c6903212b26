/** Names this layer writes into workbooks for its own bookkeeping. */

/** Very hidden sheet remembering the original style of each marked cell, across runs. */
export const MARKS_SHEET = '_baoxue_marks';

/** Hidden, sheet-scoped defined name on every sheet that addSheet wrote. */
export const ADDED_SHEET_NAME = '_baoxue_added';
