import type { Params, RuleCatalogue, RuleText } from './types';
import { headerTexts } from './header';
import { requiredTexts } from './required';
import { categoryTexts } from './category';
import { idcardTexts } from './idcard';
import { ageTexts } from './age';
import { dateTexts } from './date';
import { returnStatusTexts } from './returnStatus';
import { duplicateTexts } from './duplicate';
import { serialTexts } from './serial';
import { persuasionTexts } from './persuasion';
import { totalsTexts } from './totals';
import { mergeTexts } from './merge';
import { issuedTexts } from './issued';
import { fileTexts } from './file';
import { checklistTexts } from './checklist';

/** Every rule's Chinese text, by rule id. One place for all of them. */
export const RULE_TEXTS: RuleCatalogue = {
  ...headerTexts,
  ...requiredTexts,
  ...categoryTexts,
  ...idcardTexts,
  ...ageTexts,
  ...dateTexts,
  ...returnStatusTexts,
  ...duplicateTexts,
  ...serialTexts,
  ...persuasionTexts,
  ...totalsTexts,
  ...mergeTexts,
  ...issuedTexts,
  ...fileTexts,
  ...checklistTexts,
};

/** Renders a rule's message and fix; an unknown id is a programming error. */
export function renderRule(rule: string, params: Params = {}): { title: string; message: string; fix: string } {
  const t: RuleText | undefined = RULE_TEXTS[rule];
  if (!t) throw new Error(`no Chinese text for rule ${rule}`);
  return { title: t.title, message: t.message(params), fix: typeof t.fix === 'function' ? t.fix(params) : t.fix };
}

export type { Params, RuleText, RuleCatalogue } from './types';
