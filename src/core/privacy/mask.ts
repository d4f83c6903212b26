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
