import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * `soffice --convert-to TARGET --outdir DIR FILE…` through the same filters in the LibreOffice the
 * jest run shares (libreoffice_convert.py), rather than one started for the call.
 */
export function convertWithLibreOffice(target: string, outDir: string, files: string[], timeoutMs: number) {
  return spawnSync('/usr/bin/python3', [path.join(__dirname, 'libreoffice_convert.py'), target, outDir, ...files], { encoding: 'utf8', timeout: timeoutMs });
}
