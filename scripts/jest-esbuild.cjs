// Jest transform: TypeScript and JSX through esbuild (no type check here; `tsc --noEmit` does that).
// esbuild rather than swc: the registry here serves esbuild's binaries for every platform, so
// `npm ci` accepts the lock file on any machine.
const { transformSync } = require('esbuild');
const crypto = require('node:crypto');

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(source).update(filename).update('esbuild-cjs-1').digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : filename.endsWith('.jsx') ? 'jsx' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
};
