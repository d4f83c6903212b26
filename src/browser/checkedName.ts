import { browser } from '../i18n/zh-CN/browser';

/** "瓦房店市附件4.xlsx" → "瓦房店市附件4（已检查）.xlsx"; a copy of a copy is not marked twice. */
export function checkedName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  const suffix = browser.checkedSuffix;
  const base = stem.endsWith(suffix) ? stem : stem + suffix;
  return base + (ext === '.xlsm' ? '.xlsm' : '.xlsx');
}
