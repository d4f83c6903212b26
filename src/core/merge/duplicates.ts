import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';
import { idKey } from '../rules/duplicate';
import { parseCnDate } from '../parse/date';
import { maskIdCard, maskName } from '../privacy/mask';
import { renderRule, type Params } from '../../i18n/zh-CN/rules';
import { MERGE } from '../../i18n/zh-CN/merge';
import type { MergeFinding, RowOrigin } from './types';
import { baseName } from './source';

export interface ChildColumns {
  idcard?: number;
  name?: number;
  birthDate?: number;
}

function nameBirthKey(row: readonly CellValue[], cols: ChildColumns): { name: string; birth: string } | null {
  if (cols.name === undefined || cols.birthDate === undefined) return null;
  if (cols.idcard !== undefined && !isBlank(row[cols.idcard])) return null; // a number decides, not the name
  const name = cellText(row[cols.name] ?? null).normalize('NFKC').replace(/[\s\u3000]/g, '');
  const birth = parseCnDate(row[cols.birthDate] ?? null);
  if (!name || !birth.ok) return null;
  return { name, birth: birth.iso };
}

/**
 * merge.duplicate-child: the same child in the tables of two or more inputs, by 身份证号
 * (idKey), or by 姓名 + 出生日期 where there is no number. Both rows stay; this only flags them.
 * A child twice within one school is the check's duplicate.* rule, not a merge finding.
 */
export function duplicateChildren(
  rows: readonly CellValue[][],
  origins: readonly RowOrigin[],
  inputs: readonly { file: string }[],
  cols: ChildColumns,
  mask: boolean,
): MergeFinding[] {
  const groups = new Map<string, { idcard?: string; name?: string; birth?: string; rows: number[] }>();
  rows.forEach((row, i) => {
    const id = cols.idcard === undefined ? null : idKey(row[cols.idcard] ?? null);
    const nb = id ? null : nameBirthKey(row, cols);
    const key = id ? `id\u0000${id}` : nb ? `nb\u0000${nb.name}\u0000${nb.birth}` : null;
    if (!key) return;
    const group = groups.get(key);
    if (group) group.rows.push(i);
    else groups.set(key, id ? { idcard: id, rows: [i] } : { name: nb!.name, birth: nb!.birth, rows: [i] });
  });
  const findings: MergeFinding[] = [];
  for (const g of groups.values()) {
    const inputIdx = [...new Set(g.rows.map((i) => origins[i]!.input))];
    if (inputIdx.length < 2) continue;
    const files = inputIdx.map((k) => inputs[k]!.file);
    const places = g.rows
      .map((i) => MERGE.place(baseName(inputs[origins[i]!.input]!.file), origins[i]!.sheet, origins[i]!.row))
      .join(MERGE.placesJoin);
    const idcard = g.idcard === undefined ? undefined : mask ? maskIdCard(g.idcard) : g.idcard;
    const params: Params = idcard
      ? { idcard, count: inputIdx.length, places }
      : { name: mask ? maskName(g.name!) : g.name!, birth: g.birth!, count: inputIdx.length, places };
    const text = renderRule('merge.duplicate-child', params);
    const finding: MergeFinding = { rule: 'merge.duplicate-child', severity: 'warning', message: text.message, fix: text.fix, files, rows: g.rows };
    if (idcard) finding.idcard = idcard;
    findings.push(finding);
  }
  return findings;
}
