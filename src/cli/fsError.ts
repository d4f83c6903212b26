import fs from 'node:fs';
import path from 'node:path';
import { CLI_FS } from '../i18n/zh-CN/cli';

/** A failed system call: Node's errno error (its message is English and names the call). */
function errnoOf(e: unknown): (NodeJS.ErrnoException & { dest?: string }) | null {
  const err = e as NodeJS.ErrnoException | null;
  return err && typeof err === 'object' && typeof err.code === 'string' && typeof err.syscall === 'string' ? err : null;
}

/**
 * The Chinese one-line reason a file could not be written or read, without the system's English
 * text; null when `e` is not a file-system error. Temporary files are named by their folder.
 */
export function describeFsError(e: unknown): string | null {
  const err = errnoOf(e);
  if (!err) return null;
  const target = err.dest ?? err.path ?? '';
  const folder = path.dirname(target);
  // writeFileAtomic's temporary file is no name the user gave: name its folder instead.
  const shown = /^\..*\.tmp$/.test(path.basename(target)) ? folder : target;
  switch (err.code) {
    case 'ENOENT':
      return fs.existsSync(folder) ? CLI_FS.cannotWrite(shown) : CLI_FS.noFolder(folder);
    case 'ENOTDIR':
      return CLI_FS.notFolder(folder);
    case 'EACCES':
    case 'EPERM':
      return CLI_FS.noWritePermission(folder);
    case 'EROFS':
      return CLI_FS.readOnly(folder);
    case 'ENOSPC':
    case 'EDQUOT':
      return CLI_FS.diskFull(folder);
    case 'EISDIR':
      return CLI_FS.outputIsFolder(shown);
    case 'EBUSY':
    case 'ETXTBSY':
      return CLI_FS.busy(shown);
    case 'ENAMETOOLONG':
      return CLI_FS.nameTooLong;
    default:
      return CLI_FS.cannotWrite(shown);
  }
}
