import fs from 'node:fs';
import path from 'node:path';

/** Where a path leads, symlinks followed; a file yet to be written, in its folder's real place. */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const dir = path.dirname(abs);
    return fs.existsSync(dir) ? path.join(fs.realpathSync(dir), path.basename(abs)) : abs;
  }
}

/** Two real paths (see realPath) name the same file; case aside where file systems usually ignore it. */
export function sameRealPath(ra: string, rb: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

/** The same file, whether named by a relative path, an absolute one or through a symlinked folder. */
export function samePath(a: string, b: string): boolean {
  return sameRealPath(realPath(a), realPath(b));
}
