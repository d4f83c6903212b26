import type { RowRule, TableRule } from './types';
import type { RuleFamily } from './family';
import { requiredRules } from './required';
import { categoryRules } from './category';
import { idcardRules } from './idcard';
import { ageRules } from './age';
import { dateRules } from './date';
import { returnStatusRules } from './returnStatus';
import { duplicateRules } from './duplicate';
import { serialRules } from './serial';
import { persuasionRules } from './persuasion';

const FAMILIES: RuleFamily[] = [
  requiredRules,
  categoryRules,
  idcardRules,
  ageRules,
  dateRules,
  returnStatusRules,
  duplicateRules,
  serialRules,
  persuasionRules,
];

export const ROW_RULES: readonly RowRule[] = FAMILIES.flatMap((f) => f.row);
export const TABLE_RULES: readonly TableRule[] = FAMILIES.flatMap((f) => f.table);
