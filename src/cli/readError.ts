import { XlsxError } from '../io/xlsx';
import { CLI } from '../i18n/zh-CN/cli';

/** The Chinese reason a file could not be read: the file layer's own message, or a generic one. */
export function describeReadError(e: unknown): string {
  // On the command line the way in is the --password option, not Excel.
  if (e instanceof XlsxError && e.code === 'encrypted') return CLI.needPassword;
  if (e instanceof XlsxError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return CLI.noPermission;
  if (code === 'EISDIR') return CLI.isFolder;
  return CLI.unexpected(e instanceof Error ? e.message : String(e));
}
