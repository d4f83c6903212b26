import fs from 'node:fs';
import path from 'node:path';
import type { CheckOptions } from '../core/check';
import type { Profile } from '../core/profile/schema';
import { validateProfile } from '../core/profile/validate';
import { CLI } from '../i18n/zh-CN/cli';
import { PROFILE_TEXT } from '../i18n/zh-CN/profile';

export class UsageError extends Error {}

/** profiles/ of this project: beside dist/ when bundled, two folders up from src/cli in tests. */
function profileDir(): string | null {
  for (const dir of [path.join(__dirname, '..', 'profiles'), path.join(__dirname, '..', '..', 'profiles')]) {
    if (fs.existsSync(path.join(dir, 'README.md'))) return dir;
  }
  return null;
}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message.slice(0, 120) : String(e);
    throw new UsageError(PROFILE_TEXT.line(name, [PROFILE_TEXT.notJson(why)]));
  }
}

function checked(file: string, name: string): Profile {
  const r = validateProfile(readJson(file, name));
  if (!r.ok) throw new UsageError(PROFILE_TEXT.line(name, r.problems));
  return r.profile;
}

/** The shipped profiles by file name, with the 地区 each names (for `--profile 瓦房店`). */
function shipped(): { stem: string; file: string; area: string }[] {
  const dir = profileDir();
  if (!dir) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const file = path.join(dir, f);
      const area = (readJson(file, f) as { name?: unknown }).name;
      return { stem: f.slice(0, -5), file, area: typeof area === 'string' ? area : '' };
    });
}

/**
 * `--profile NAME`: a profile of profiles/ by file name (wafangdian) or by its 地区 (瓦房店,
 * 瓦房店市), or a .json file's path. Every key is checked, with a Chinese message naming it.
 */
export function readProfile(name: string): Profile {
  if (fs.existsSync(name) && fs.statSync(name).isFile()) return checked(name, name);
  const all = shipped();
  const hit = all.find((p) => p.stem === name || p.area === name || (p.area.startsWith(name) && name.length >= 2));
  if (!hit) throw new UsageError(CLI.badProfile(name, PROFILE_TEXT.notFound(name, all.map((p) => `${p.stem}（${p.area}）`))));
  return checked(hit.file, name);
}

/** The check options a profile and `--ref-date` give; `--ref-date` wins over the profile's date. */
export function loadProfile(name: string | undefined, refDate: string | undefined): CheckOptions {
  const opts: CheckOptions = {};
  if (name) {
    const p = readProfile(name);
    if (p.referenceDate) opts.referenceDate = p.referenceDate;
    if (p.settings) opts.settings = p.settings;
    if (p.cases) opts.cases = p.cases;
  }
  if (refDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(refDate) || Number.isNaN(Date.parse(refDate))) throw new UsageError(CLI.badDate(refDate));
    opts.referenceDate = refDate;
  }
  return opts;
}
