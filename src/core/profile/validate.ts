import type { z } from 'zod';
import { allowedKeys, profileSchema, type Profile } from './schema';
import { PROFILE_TEXT } from '../../i18n/zh-CN/profile';

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; problems: string[] };

/** One zod issue as a Chinese sentence naming the key and what it may hold. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map(String);
  // An item of a list (law.0) is named after its list.
  const last = [...path].reverse().find((k) => !/^\d+$/.test(k)) ?? '';
  const key = PROFILE_TEXT.keyName(path.join('.'), last);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? PROFILE_TEXT.missing(key) : PROFILE_TEXT.type(key, issue.expected);
    case 'unrecognized_keys':
      return PROFILE_TEXT.unknown(issue.keys, path.join('.'), allowedKeys(issue.path));
    case 'too_small':
      if (issue.origin === 'string') return PROFILE_TEXT.empty(key);
      return PROFILE_TEXT.tooSmall(key, Number(issue.minimum) + (issue.inclusive ? 0 : 1), issue.origin === 'array');
    case 'invalid_format':
      return PROFILE_TEXT.format(key, last);
    case 'invalid_key':
      return PROFILE_TEXT.format(key, path[0] ?? '');
    case 'invalid_value':
      return PROFILE_TEXT.oneOf(key, issue.values.map(String));
    case 'custom': {
      const why = (issue.params as { why?: string } | undefined)?.why;
      return why === 'ageOrder' ? PROFILE_TEXT.ageOrder : why === 'birthOrder' ? PROFILE_TEXT.birthOrder : PROFILE_TEXT.other(key);
    }
    default:
      return PROFILE_TEXT.other(key);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Checks a parsed profile; every problem in Chinese, naming the key and what is allowed. */
export function validateProfile(input: unknown): ProfileResult {
  const r = profileSchema.safeParse(input);
  if (r.success) return { ok: true, profile: r.data };
  return { ok: false, problems: [...new Set(r.error.issues.map((i) => describe(i, input)))] };
}
