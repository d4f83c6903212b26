import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs } from './args';
import { CATALOGUE } from '../core/tables';
import { templateBytes, templateFiles, type AddinRef } from '../templates/build';
import { addinFromManifest } from '../templates/manifest';
import { parseRoute } from '../templates/route';
import { UsageError } from './profile';
import { CLI } from '../i18n/zh-CN/cli';
import { TEMPLATE_TEXTS } from '../i18n/zh-CN/templates';

/** The project's manifest.xml: the nearest one above this module (src/cli in tests, dist/ when bundled). */
function readAddin(): AddinRef {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'manifest.xml');
    if (fs.existsSync(file)) {
      const addin = addinFromManifest(fs.readFileSync(file, 'utf8'));
      if (!addin) throw new UsageError(TEMPLATE_TEXTS.badManifest);
      return addin;
    }
    if (path.dirname(dir) === dir) throw new UsageError(TEMPLATE_TEXTS.noManifest(__dirname));
  }
}

/** The route from --route/--share, else ADDIN_ROUTE/ADDIN_SHARE (as for the build), else Centralized Deployment. */
function routeOf(args: CliArgs) {
  const named = args.route ?? process.env.ADDIN_ROUTE;
  const share = args.share ?? (args.route === undefined ? process.env.ADDIN_SHARE : undefined);
  try {
    return parseRoute(named || undefined, share || undefined);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * `baoxue templates [folder] [--route centralized|share|sideload] [--share \\server\share]`:
 * writes one .xlsx per official table (default ./templates), tagged to open the pane for
 * users who installed the add-in through that route.
 */
export async function runTemplates(args: CliArgs): Promise<number> {
  const dir = args.inputs[0] ?? 'templates';
  const route = routeOf(args);
  const addin = readAddin();
  fs.mkdirSync(dir, { recursive: true });
  for (const file of templateFiles(CATALOGUE, addin, route)) {
    const out = path.join(dir, file.name);
    fs.writeFileSync(out, templateBytes(file));
    process.stdout.write(CLI.wrote(out) + '\n');
  }
  return 0;
}
