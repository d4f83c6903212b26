// `npm start`: where Excel is installed, the add-in's dev server with sideloading help
// (scripts/start-excel.mjs); where it is not (Linux, or Windows and Mac without Office), the
// browser page with the demo workbook (scripts/start-browser.mjs). `npm run start:excel` and
// `npm run start:browser` choose one.
import { existsSync } from 'node:fs';
import path from 'node:path';

function excelInstalled() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return roots.some((r) => ['root\\Office16', 'Office16', 'root\\Office15'].some((d) => existsSync(path.join(r, 'Microsoft Office', d, 'EXCEL.EXE'))));
}

await import(excelInstalled() ? './start-excel.mjs' : './start-browser.mjs');
