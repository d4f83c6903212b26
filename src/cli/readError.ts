import { XlsxError } from '../io/xlsx';
import { CLI } from '../i18n/zh-CN/cli';

/** The Chinese reason a file could not be read: the file layer's own message, or a generic one. */
export function describeReadError(e: unknown): string {
  if (e instanceof XlsxError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取这个文件的权限，请检查文件是否被其他程序占用或设为只读';
  if (code === 'EISDIR') return '这是一个文件夹，不是工作簿';
  return CLI.unexpected(e instanceof Error ? e.message : String(e));
}
