import type { Finding, Severity } from '../core/model/finding';
import { RULE_TEXTS } from '../i18n/zh-CN/rules';
import { ui } from '../i18n/zh-CN/ui';

export interface RuleGroup {
  rule: string;
  title: string;
  severity: Severity;
  findings: Finding[];
}

export interface FamilyCount {
  family: string;
  title: string;
  errors: number;
  warnings: number;
}

/** What a reviewer acts on first: totals that disagree, copied 劝返 records, deleted rows. */
export const FIRST_RULES: readonly string[] = ['totals.mismatch', 'persuasion.copied', 'serial.deleted'];

export const familyOf = (rule: string): string => rule.split('.')[0] ?? rule;

export function familyTitle(family: string): string {
  return (ui.families as Record<string, string>)[family] ?? family;
}

const rank = (s: Severity) => (s === 'error' ? 0 : 1);

function priority(rule: string): number {
  const i = FIRST_RULES.indexOf(rule);
  return i < 0 ? FIRST_RULES.length : i;
}

/**
 * One group per rule, whatever sheet its findings are on: the rules a reviewer acts on first,
 * then errors before warnings, then the rest in the order they were found.
 */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const rules = new Map<string, RuleGroup>();
  for (const f of findings) {
    let g = rules.get(f.rule);
    if (!g) rules.set(f.rule, (g = { rule: f.rule, title: RULE_TEXTS[f.rule]?.title ?? f.rule, severity: 'warning', findings: [] }));
    g.findings.push(f);
    if (f.severity === 'error') g.severity = 'error';
  }
  const groups = [...rules.values()];
  for (const g of groups) g.findings.sort((a, b) => rank(a.severity) - rank(b.severity));
  return groups.sort((a, b) => priority(a.rule) - priority(b.rule) || rank(a.severity) - rank(b.severity));
}

/** Counts by family (身份证号, 劝返记录 …), the families with errors first. */
export function familyCounts(findings: readonly Finding[]): FamilyCount[] {
  const out = new Map<string, FamilyCount>();
  for (const f of findings) {
    const family = familyOf(f.rule);
    let c = out.get(family);
    if (!c) out.set(family, (c = { family, title: familyTitle(family), errors: 0, warnings: 0 }));
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
  }
  return [...out.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings);
}

export interface FindingFilter {
  severity: Severity | null;
  family: string | null;
  sheet: string | null;
}

export const NO_FILTER: FindingFilter = { severity: null, family: null, sheet: null };

export function applyFilter(findings: readonly Finding[], f: FindingFilter): Finding[] {
  return findings.filter(
    (x) => (!f.severity || x.severity === f.severity) && (!f.family || familyOf(x.rule) === f.family) && (!f.sheet || x.sheet === f.sheet),
  );
}
