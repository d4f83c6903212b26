// What `npm start` (without Excel), `npm run screenshots` and the end-to-end tests share: a
// tiny static server for dist/web, a build of the pages, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The Content-Security-Policy of browser.html's meta tag, to send as a header as well: a
 * worker takes its policy from its own script's response, not from the page's meta tag.
 */
function pagePolicy(root) {
  const page = path.join(root, 'browser.html');
  if (!fs.existsSync(page)) return null;
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(fs.readFileSync(page, 'utf8'));
  return meta ? meta[1].replace(/\s+/g, ' ').trim() : null;
}

/**
 * Serves the files under `root` (GET/HEAD only, nothing outside it); resolves once listening.
 * Scripts and browser.html carry the browser page's policy, so its worker allows no network either.
 */
function serveStatic(root, { host = '127.0.0.1', port = 0 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let file;
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      file = path.join(base, decodeURIComponent(pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      const headers = {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      // Read per request: `npm start` rebuilds the page while serving it.
      const policy = /\.js$|^browser\.html$/.test(path.basename(file)) ? pagePolicy(base) : null;
      if (policy) headers['Content-Security-Policy'] = policy;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Blocks the calling thread (buildWeb is synchronous) for `ms`. */
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Holds `lock` (a directory: mkdir is atomic) while `fn` runs; a lock left by a process that
 * died is taken over. Test files in other jest workers wait here instead of building too.
 */
function withLock(lock, fn) {
  const owner = path.join(lock, 'pid');
  for (;;) {
    try {
      fs.mkdirSync(lock, { recursive: false });
      fs.writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(owner, 'utf8'));
      } catch {
        // the owner has made the lock but not yet written its pid
      }
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(lock, { recursive: true, force: true });
      else sleepSync(250);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A production build of the pages into `outDir`, skipped when nothing it is built from
 * changed since the last one there. Returns `outDir`. Callers in several processes at once
 * (jest workers) build once: the others wait for that build and reuse it.
 */
function buildWeb(outDir) {
  const stamp = path.join(outDir, '.built');
  const sources = ['src', 'samples', 'assets', 'webpack.config.js', 'manifest.xml', 'package-lock.json'].map((p) => path.join(ROOT, p));
  const fresh = () => {
    const newest = Math.max(...sources.filter((p) => fs.existsSync(p)).map(newestMtime));
    return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newest;
  };
  if (fresh()) return outDir;
  fs.mkdirSync(path.dirname(path.resolve(outDir)), { recursive: true });
  return withLock(`${path.resolve(outDir)}.lock`, () => {
    if (fresh()) return outDir;
    const webpack = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
    const run = spawnSync(process.execPath, [webpack, '--mode', 'production', '--output-path', outDir], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`webpack failed:\n${run.stdout}\n${run.stderr}`);
    fs.writeFileSync(stamp, new Date().toISOString());
    return outDir;
  });
}

/** The Excel pane with a stubbed host (test/e2e/pane), bundled by esbuild into `outDir`. */
function bundlePaneHarness(outDir) {
  const dir = path.join(ROOT, 'test', 'e2e', 'pane');
  fs.mkdirSync(outDir, { recursive: true });
  require('esbuild').buildSync({
    entryPoints: [path.join(dir, 'harness.tsx')],
    outfile: path.join(outDir, 'harness.js'),
    bundle: true,
    format: 'iife',
    target: 'es2019',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(dir, 'index.html'), path.join(outDir, 'index.html'));
  return outDir;
}

/** Where a Chromium shared by a whole jest run listens (set by scripts/jest-global-setup.cjs). */
const SHARED_ENDPOINT = 'BAOXUE_CHROMIUM_WS';
/** Options that only a browser's own launch takes; a caller giving one gets a browser of its own. */
const LAUNCH_ONLY = ['executablePath', 'args', 'headless', 'channel', 'chromiumSandbox', 'devtools', 'env', 'ignoreDefaultArgs', 'proxy', 'timeout', 'handleSIGINT', 'handleSIGTERM', 'handleSIGHUP'];
const CONTEXT_DEFAULTS = { acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 } };

/**
 * Debian's Chromium as a server other processes connect to (one browser for all the e2e test
 * files of a run, instead of one each). `close` ends the browser.
 */
async function launchChromiumServer() {
  const { chromium } = require('playwright-core');
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() };
}

/**
 * A fresh browser context, its own cookies, storage and downloads, deleted on close; downloads
 * are accepted. It lives in the run's shared Chromium when there is one (jest), otherwise in a
 * Chromium of its own with a fresh profile.
 */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  const shared = process.env[SHARED_ENDPOINT];
  if (shared && !Object.keys(options).some((k) => LAUNCH_ONLY.includes(k))) {
    const browser = await chromium.connect(shared);
    const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
    return {
      context,
      close: async () => {
        await context.close();
        await browser.close(); // a connected browser only disconnects: the server goes on for other files
      },
    };
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...CONTEXT_DEFAULTS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { ROOT, CHROMIUM, CHROMIUM_ARGS, SHARED_ENDPOINT, serveStatic, buildWeb, bundlePaneHarness, launchChromium, launchChromiumServer };
