import { z } from 'zod';

/**
 * Semantic roles of columns. Rules address columns by role, so that one rule serves
 * every table that has such a column, whatever the header says.
 */
export const COLUMN_KEYS = [
  'serial', 'originalSerial', 'province', 'city', 'county', 'name', 'gender', 'idcard',
  'birthDate', 'age', 'ethnicity', 'school', 'hukou', 'address', 'reason', 'persuasionRecord',
  'persuasionOwner', 'persuasionResult', 'persuasionCount', 'persuasionDone', 'persuasionUnit',
  'ownerPhone', 'notReturnedReason', 'remark', 'studentType', 'checkResult', 'returnStatus',
  'surveyDate', 'situation', 'personCategory', 'registrationType', 'dropoutDate', 'returnSchool',
  'returnDate', 'className', 'povertyType', 'guardian', 'guardianRelation', 'guardian2',
  'guardian2Relation', 'guardian2Phone', 'phone', 'disabilityCategory', 'disabilityCertificate',
  'grade', 'enrolled', 'notLearningReason', 'sendSchool', 'health', 'studentNumber',
  'residence', 'familySituation',
  // 来源 of a merged county workbook (src/templates/merged.ts): which school's file the row came from.
  'source',
  // 填表日期 printed under a form's title (004 附件5).
  'formDate',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const columnTypeSchema = z.enum([
  'text', // free text
  'longtext', // free text that may run over many lines
  'integer',
  'date', // a date as clerks type it (see core/parse/date)
  'idcard', // 居民身份证号
  'category', // must be one of `list`
  'serial', // 序号: 1, 2, 3 …
  'phone',
]);
export type ColumnType = z.infer<typeof columnTypeSchema>;

export const columnSchema = z.object({
  key: z.enum(COLUMN_KEYS),
  /** The official header text, without its note. */
  label: z.string().min(1),
  /** Other headers seen for the same column (normalised on comparison). */
  aliases: z.array(z.string()).default([]),
  /** A note printed under or beside the header, e.g. "（选择下拉框）". */
  note: z.string().optional(),
  /** Group cell above this column in a two-row header, e.g. "核减项". */
  group: z.string().optional(),
  type: columnTypeSchema,
  /** Must be filled on every data row. */
  required: z.boolean().default(false),
  /** The dropdown list, in the official wording and order. */
  list: z.array(z.string()).optional(),
  /** Values accepted as meaning a list item (e.g. "A" for "A.户籍原因"). */
  listAliases: z.record(z.string(), z.string()).optional(),
  /** Column width in characters for templates. */
  width: z.number().positive().default(12),
});
export type ColumnDef = z.infer<typeof columnSchema>;

/** Settings a table carries, with the seed's defaults; users may override them. */
export const settingsSchema = z.object({
  /** Compulsory-education age range in full years at the reference date. */
  ageMin: z.number().int().optional(),
  ageMax: z.number().int().optional(),
  /** Birth dates the issued list covers (yyyy-mm-dd), e.g. 002's 附件4. */
  birthFrom: z.string().optional(),
  birthTo: z.string().optional(),
  /** Attempts below this are a warning (003: 5; 000/001: 3 before 中职 referral). */
  persuasionMinAttempts: z.number().int().positive().optional(),
  /** Days after which an open case's last attempt is stale (schools report monthly). */
  reportingPeriodDays: z.number().int().positive().optional(),
  /** 原始序号 gaps are errors (002: 原始序号不要删除). */
  serialGapIsError: z.boolean().optional(),
  /** Columns that a returned list may change (002: only 核查结果, 复学情况, 备注). */
  editableColumns: z.array(z.enum(COLUMN_KEYS)).optional(),
});
export type TableSettings = z.infer<typeof settingsSchema>;

const footerSchema = z.array(z.string());

const baseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  /** Which seed document defines it, e.g. "002 附件4". */
  source: z.string(),
  title: z.string().min(1),
  /** Titles as localities print them ("瓦房店市疑似失学儿童个体情况汇总表" …); matched by containment. */
  titleAliases: z.array(z.string()).default([]),
  /** Lines printed between title and header, e.g. "填报单位：(盖章)". */
  preamble: z.array(z.string()).default([]),
  /** Notes printed under the table (填表说明). */
  notes: z.array(z.string()).default([]),
  footer: footerSchema.default([]),
  settings: settingsSchema.default({}),
});

export const ledgerSchema = baseSchema.extend({
  kind: z.literal('ledger'),
  columns: z.array(columnSchema).min(2),
  /** Empty rows the official template prints for filling in. */
  templateRows: z.number().int().positive().default(20),
  /** The official template prints 序号 1, 2, 3 … in its empty rows (004's tables do). */
  templateNumbered: z.boolean().default(false),
});

/** How a totals cell is counted from the detail rows. */
export const countSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ column: z.enum(COLUMN_KEYS), item: z.string() }),
]);

export const totalsSchema = baseSchema.extend({
  kind: z.literal('totals'),
  /** The detail table it is computed from. */
  from: z.string(),
  /** Detail columns that make a totals row (地市, 区县). */
  groupBy: z.array(z.object({ key: z.enum(COLUMN_KEYS), label: z.string(), width: z.number().default(12) })).min(1),
  totalLabel: z.string(),
  measures: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        aliases: z.array(z.string()).default([]),
        group: z.string().optional(),
        count: countSchema,
      }),
    )
    .min(1),
  /** A measure that cannot exceed the sum of others on the same row (002: 复学人数 ≤ I+J+K+L+M). */
  limits: z.array(z.object({ measure: z.string(), atMostSumOf: z.array(z.string()).min(1) })).default([]),
});

export const formFieldSchema = columnSchema.extend({
  /** Section label in the form's first column (基本信息, 核查劝返情况). */
  section: z.string(),
  /** An example or hint printed in the value cell of the official form. */
  hint: z.string().optional(),
});

export const formSchema = baseSchema.extend({
  kind: z.literal('form'),
  fields: z.array(formFieldSchema).min(3),
  /** Fields of the preamble line under the title ("填表日期:"): read and checked, never missing, not in the form's boxes. */
  preambleFields: z.array(formFieldSchema).default([]),
});

export const checklistSchema = baseSchema.extend({
  kind: z.literal('checklist'),
  columns: z.array(z.object({ label: z.string(), width: z.number() })).min(2),
  /** The official rows, cell by cell. */
  items: z.array(z.array(z.string())),
});

export const noticeSchema = baseSchema.extend({
  kind: z.literal('notice'),
  /** The official wording; {guardian} {child} {month} {day} {school} {unit} {date} {law} are filled in. */
  body: z.array(z.string()).min(1),
});

export const tableSchema = z.discriminatedUnion('kind', [
  ledgerSchema,
  totalsSchema,
  formSchema,
  checklistSchema,
  noticeSchema,
]);

export type TableDefInput = z.input<typeof tableSchema>;
export type TableDef = z.infer<typeof tableSchema>;
export type LedgerDef = z.infer<typeof ledgerSchema>;
export type TotalsDef = z.infer<typeof totalsSchema>;
export type FormDef = z.infer<typeof formSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type ChecklistDef = z.infer<typeof checklistSchema>;
export type NoticeDef = z.infer<typeof noticeSchema>;
