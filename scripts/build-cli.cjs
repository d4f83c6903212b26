// Bundles the command line (src/cli/main.ts) into dist/baoxue.cjs with esbuild.
// Run by `npm install` (prepare), by `npm run build:cli`, and by bin/baoxue.cjs when sources changed.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'src', 'cli', 'main.ts');
const outfile = path.join(root, 'dist', 'baoxue.cjs');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(outfile)) return true;
  return newestMtime(path.join(root, 'src')) > fs.statSync(outfile).mtimeMs;
}

function buildCli() {
  require('esbuild').buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'error',
  });
}

module.exports = { buildCli, isStale, outfile };

if (require.main === module) buildCli();
