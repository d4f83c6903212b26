import type { ValidationSpec } from '../io/xlsx/spec';
import { chunkAddresses } from './addresses';

function listSource(list: ValidationSpec['list']): string {
  return Array.isArray(list) ? list.join(',') : `=${list.formula.replace(/^=/, '')}`;
}

/**
 * Queues one list validation over its ranges (no sync). The rule goes before the prompt:
 * Excel on the web rejects a rule set after a prompt on an overlapping range (OfficeDev/office-js#2594).
 */
export function queueValidation(ws: Excel.Worksheet, v: ValidationSpec, areas: boolean): void {
  const parts = v.sqref.trim().split(/\s+/);
  const targets: Array<Excel.Range | Excel.RangeAreas> = areas
    ? chunkAddresses(parts).map((chunk) => ws.getRanges(chunk))
    : parts.map((a) => ws.getRange(a));
  for (const t of targets) {
    const dv = t.dataValidation;
    dv.clear();
    dv.rule = { list: { inCellDropDown: true, source: listSource(v.list) } };
    if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.message };
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  }
}
