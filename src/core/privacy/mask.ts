/** Masks for reports that leave the office: 身份证号 keeps its region and last character; names their first character. */
export function maskIdCard(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 7) + s.slice(-1);
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * 身份证号-like runs (18 characters, or the old 15 digits) that are not part of a longer number.
 * The character before is matched and kept, not looked behind at: Safari before 16.4 cannot parse lookbehind.
 */
const ID_LIKE = /(^|[^0-9])(\d{17}[0-9Xx]|\d{15})(?![0-9Xx])/g;

/**
 * `text` with the given ids and names masked (longest first, so a name inside a longer one
 * leaves nothing showing), then any other 身份证号-like number.
 */
export function maskKnown(text: string, ids: Iterable<string>, names: Iterable<string>): string {
  let out = text;
  const byLength = (a: string, b: string) => b.length - a.length;
  for (const id of [...new Set(ids)].filter(Boolean).sort(byLength)) out = out.split(id).join(maskIdCard(id));
  for (const name of [...new Set(names)].filter(Boolean).sort(byLength)) out = out.split(name).join(maskName(name));
  return out.replace(ID_LIKE, (_, before: string, id: string) => before + maskIdCard(id));
}
