import fs from 'node:fs';
import path from 'node:path';

/** Workbook-like files a folder may hold; others (.docx, .pdf …) in a folder are not ours to judge. */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;

/** Expands files and folders (recursively, sorted) into files; names that do not exist are returned apart. */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (WORKBOOK_EXT.test(e.name) && !e.name.startsWith('~$')) files.push(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) missing.push(input);
    else if (fs.statSync(input).isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, missing };
}
