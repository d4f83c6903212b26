// Writes the browser page's demo workbook, samples/示例-疑似失学儿童个体情况汇总表.xlsx, from
// synthetic rows (scripts/demo.ts). Run: node scripts/make-demo.mjs
import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, '.tmp', 'demo.cjs');
mkdirSync(path.dirname(bundle), { recursive: true });
buildSync({ entryPoints: [path.join(root, 'scripts', 'demo.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });
const { demoWorkbook } = createRequire(import.meta.url)(bundle);
const out = path.join(root, 'samples', '示例-疑似失学儿童个体情况汇总表.xlsx');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, demoWorkbook());
console.log(`wrote ${path.relative(root, out)}`);
