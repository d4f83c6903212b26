import { z } from 'zod';
import { settingsSchema } from '../tables/schema';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Attempts a case of 003 附件1 needs on file (B4-1 劝返回原学校就读: 劝返记录 5 次以上). */
const caseSchema = z.strictObject({
  /** What the checklist calls the case, e.g. "B4-1 劝返回原学校就读". */
  title: z.string().min(1),
  minAttempts: z.number().int().positive(),
});

export const profileSettingsSchema = settingsSchema.partial().strict();

/**
 * A county's profile (profiles/NAME.json): the settings its own documents set (age range,
 * attempt thresholds, the law its notices cite). Every key is checked; a misspelt one is named.
 */
export const profileSchema = z
  .strictObject({
    /** 地区: "瓦房店市". */
    name: z.string().min(1),
    /** What the profile is for, in a sentence. */
    description: z.string().optional(),
    /** The documents and their words each value comes from. */
    basis: z.array(z.string()).optional(),
    referenceDate: isoDate.optional(),
    /** Over every table's own settings. */
    settings: profileSettingsSchema.optional(),
    /** The laws and regulations the 入学/复学通知书 cite, in 《》. */
    law: z.array(z.string().regex(/^《[^《》]+》$/)).min(1).optional(),
    /** 003 档案资料清单: cases by their code ("B4-1") and the attempts each needs on file. */
    cases: z.record(z.string().regex(/^B\d-\d+$/), caseSchema).optional(),
  })
  .superRefine((p, ctx) => {
    const s = p.settings;
    if (s?.ageMin !== undefined && s.ageMax !== undefined && s.ageMin > s.ageMax) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'ageMin'], params: { why: 'ageOrder' } });
    }
    if (s?.birthFrom !== undefined && s.birthTo !== undefined && s.birthFrom > s.birthTo) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'birthFrom'], params: { why: 'birthOrder' } });
    }
  });

export type Profile = z.infer<typeof profileSchema>;

/** The keys a profile may carry at `path`, for the message naming a misspelt one. */
export function allowedKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(profileSchema.shape);
  if (path[0] === 'settings') return Object.keys(profileSettingsSchema.shape);
  if (path[0] === 'cases' && path.length === 2) return Object.keys(caseSchema.shape);
  return [];
}
