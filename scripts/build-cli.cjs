// Bundles the command line (src/cli/main.ts) into dist/baoxue.cjs with esbuild, and the worker
// thread that reads and checks schools for `baoxue merge` (src/cli/mergeWorker.ts) beside it.
// Run by `npm install` (prepare), by `npm run build:cli`, and by bin/baoxue.cjs when sources changed.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const outdir = path.join(root, 'dist');
const entries = { baoxue: path.join(root, 'src', 'cli', 'main.ts'), 'baoxue-merge-worker': path.join(root, 'src', 'cli', 'mergeWorker.ts') };
const outfile = path.join(outdir, 'baoxue.cjs');
const outputs = Object.keys(entries).map((name) => path.join(outdir, `${name}.cjs`));

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return newestMtime(path.join(root, 'src')) > built;
}

function buildCli() {
  require('esbuild').buildSync({
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // A map file beside the bundle, not inline: every run and every worker thread loads the bundle.
    sourcemap: 'linked',
    logLevel: 'error',
  });
}

module.exports = { buildCli, isStale, outfile };

if (require.main === module) buildCli();
