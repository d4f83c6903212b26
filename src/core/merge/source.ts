/** The file's own name, without its folders (core has no path module; both separators occur). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** A school named by its file: "03_城关第二小学.xlsx" → "城关第二小学" (the sorting number dropped). */
export function schoolFromFileName(file: string): string {
  const stem = baseName(file).replace(/\.[^.]+$/, '');
  const named = stem.replace(/^\d+[\s_\-.、]*/, '').trim();
  return named || stem;
}
