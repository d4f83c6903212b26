// Bundles bench/main.ts with esbuild and runs it; arguments pass through (--only, --repeat).
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
buildSync({ entryPoints: ['bench/main.ts'], outfile: '.tmp/bench.cjs', bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['exceljs', 'playwright-core', 'esbuild', 'office-addin-mock', 'office-addin-manifest'], logLevel: 'error' });
const r = spawnSync(process.execPath, ['.tmp/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
