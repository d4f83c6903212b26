// `npm start` without Excel (and `npm run start:browser`): builds the pages into dist/web,
// rebuilding on every change, and serves them on http://localhost:3000; the browser page
// opens with the synthetic demo workbook. Plain http is fine here: the page runs on this
// machine and never sends a workbook anywhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import kit from './browser-kit.cjs';
import makeConfig from '../webpack.config.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT) || 3000;
const config = await makeConfig({}, { mode: 'development' });
let server = null;

console.log('Building the browser page (the first build takes a minute)…');
webpack(config).watch({}, async (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString('errors-only'));
    return;
  }
  console.log(`Built in ${((stats.endTime - stats.startTime) / 1000).toFixed(1)} s.`);
  if (server) return;
  server = await kit.serveStatic(path.join(root, 'dist', 'web'), { host: 'localhost', port });
  console.log(`
保学助手（浏览器版） with the demo workbook:

  ${server.url}/browser.html?demo=1

Open it in Chrome, Edge or Firefox. Files opened there stay in the browser (no upload).
Excel is not installed here; \`npm run start:excel\` serves the add-in for Excel on the web.
Press Ctrl+C to stop.`);
});
