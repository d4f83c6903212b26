import type { Finding, Severity } from '../core/model/finding';
import { RULE_TEXTS } from '../i18n/zh-CN/rules';

export interface RuleGroup {
  rule: string;
  title: string;
  severity: Severity;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  errors: number;
  warnings: number;
  rules: RuleGroup[];
}

/** Findings by sheet (in workbook order) and rule, errors first within each sheet and group. */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const sheets = new Map<string, Map<string, RuleGroup>>();
  for (const f of findings) {
    let rules = sheets.get(f.sheet);
    if (!rules) sheets.set(f.sheet, (rules = new Map()));
    let g = rules.get(f.rule);
    if (!g) rules.set(f.rule, (g = { rule: f.rule, title: RULE_TEXTS[f.rule]?.title ?? f.rule, severity: 'warning', findings: [] }));
    g.findings.push(f);
    if (f.severity === 'error') g.severity = 'error';
  }
  const rank = (s: Severity) => (s === 'error' ? 0 : 1);
  return [...sheets].map(([sheet, rules]) => {
    const groups = [...rules.values()];
    for (const g of groups) g.findings.sort((a, b) => rank(a.severity) - rank(b.severity));
    groups.sort((a, b) => rank(a.severity) - rank(b.severity));
    const all = groups.flatMap((g) => g.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    return { sheet, errors, warnings: all.length - errors, rules: groups };
  });
}
