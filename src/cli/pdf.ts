import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { NOTICES_CLI } from '../i18n/zh-CN/notices';

/** LibreOffice's command on PATH (soffice, or libreoffice as some distributions name it), or null. */
export function findOffice(): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const name of names) {
    for (const dir of dirs) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {
        // not here; try the next directory
      }
    }
  }
  return null;
}

/** Conversions of long workbooks take a while; a hung office process must not hang the command. */
const TIMEOUT_MS = 180_000;

/**
 * Converts a workbook to PDF bytes with LibreOffice. It works in a temporary folder with its own
 * LibreOffice profile, so an office window the user has open neither swallows nor blocks the call.
 */
export async function convertToPdf(office: string, xlsx: string): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-pdf-'));
  try {
    const source = path.join(dir, 'notices.xlsx');
    fs.copyFileSync(xlsx, source);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        office,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, source],
        { timeout: TIMEOUT_MS, windowsHide: true },
        (err, _stdout, stderr) => {
          if (!err) resolve();
          else if (err.killed) reject(new Error(NOTICES_CLI.pdfTimeout(TIMEOUT_MS / 1000)));
          else reject(new Error(String(stderr || err.message).trim().slice(0, 300)));
        },
      );
    });
    const pdf = path.join(dir, 'notices.pdf');
    if (!fs.existsSync(pdf)) throw new Error(NOTICES_CLI.pdfNoOutput);
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
