import fs from 'node:fs';
import path from 'node:path';

/** The same file, whether named by a relative path, an absolute one or through a symlinked folder. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    const abs = path.resolve(p);
    try {
      return fs.realpathSync(abs);
    } catch {
      const dir = path.dirname(abs);
      return fs.existsSync(dir) ? path.join(fs.realpathSync(dir), path.basename(abs)) : abs;
    }
  };
  const [ra, rb] = [real(a), real(b)];
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}
