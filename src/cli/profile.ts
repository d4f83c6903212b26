import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { settingsSchema } from '../core/tables/schema';
import type { CheckOptions } from '../core/check';
import { CLI } from '../i18n/zh-CN/cli';

const profileSchema = z.object({
  referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  settings: settingsSchema.partial().optional(),
});

export class UsageError extends Error {}

/**
 * A profile is a JSON file of settings a county uses (reference date, age range, thresholds):
 * `--profile NAME` reads profiles/NAME.json of this project, or NAME itself when it is a path.
 */
export function loadProfile(name: string | undefined, refDate: string | undefined): CheckOptions {
  const opts: CheckOptions = {};
  if (name) {
    const candidates = [name, path.join(__dirname, '..', 'profiles', `${name}.json`)];
    const file = candidates.find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (!file) throw new UsageError(CLI.badProfile(name, '文件不存在'));
    let parsed: z.infer<typeof profileSchema>;
    try {
      parsed = profileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      throw new UsageError(CLI.badProfile(name, e instanceof Error ? e.message.slice(0, 200) : String(e)));
    }
    if (parsed.referenceDate) opts.referenceDate = parsed.referenceDate;
    if (parsed.settings) opts.settings = parsed.settings;
  }
  if (refDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(refDate) || Number.isNaN(Date.parse(refDate))) throw new UsageError(CLI.badDate(refDate));
    opts.referenceDate = refDate;
  }
  return opts;
}
