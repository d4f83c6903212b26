/**
 * Builds the add-in's pages into dist/web: taskpane.html (the pane), commands.html (the
 * ribbon's function file) and browser.html (the same pane on a local file, for WPS and
 * older Excel), plus assets/, samples/ (the demo workbook) and manifest.xml.
 *
 * Settings (environment variables):
 *   ADDIN_ORIGIN=https://host[:port]  where the add-in is served in production; replaces
 *                                     https://localhost:3000 in the copied manifest.
 *   OFFICE_JS_CDN=21vianet            load office.js from the 世纪互联 (21Vianet) CDN.
 *   OFFICE_JS=vendored                load office.js from the add-in's own origin (isolated
 *   OFFICE_JS_DIR=folder              intranets): copies a current office.js folder, downloaded
 *                                     from the CDN, into the build. Microsoft allows local copies
 *                                     for internal use only (docs/develop/referencing-the-javascript-
 *                                     api-for-office-library-from-its-cdn.md). The npm package
 *                                     @microsoft/office-js (1.1.110, 2022) is refused: it lacks the
 *                                     Note API that Excel's ExcelApi 1.18 promises.
 *
 * Every script, ours and node_modules', is compiled down to ES2019 (Safari 13 on older Macs,
 * older 360/QQ browsers for the browser page); test/excel/bundle.test.ts parses the output.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const Module = require('node:module');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000';
const PORT = 3000;
const OFFICE_JS = {
  microsoft: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  // OfficeDev/office-js-docs-pr: docs/includes/21Vianet-cdn.md
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};
const VENDORED_DIR = 'office-js';
/** What the pages may need of a webview or browser; src/taskpane/boot.es5.js tests for it. */
const ES_TARGET = 'es2019';
/** The browser version of the checker, on the same origin (shown to users of old Office). */
const BROWSER_PAGE = 'browser.html';

/** The pages' Chinese text comes from src/i18n/zh-CN/<name>.ts (export `<name>`), compiled here with esbuild. */
function loadUi(name = 'ui') {
  const file = path.join(__dirname, `src/i18n/zh-CN/${name}.ts`);
  const { code } = require('esbuild').transformSync(require('node:fs').readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'es2022',
  });
  const m = new Module(file);
  m._compile(code, file);
  return m.exports[name];
}

/**
 * The files office.js needs to run Excel on Windows, the web and Mac in Chinese: it loads the
 * host's script and the strings from its own folder (the layout of .../lib/1/hosted/).
 */
const VENDORED_FILES = ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js'];

/** The downloaded office.js folder, checked before anything is built. */
function vendoredDir() {
  const dir = process.env.OFFICE_JS_DIR;
  if (!dir) throw new Error('OFFICE_JS=vendored needs OFFICE_JS_DIR=<folder holding a current copy of https://appsforoffice.microsoft.com/lib/1/hosted/> (see README)');
  const abs = path.resolve(dir);
  if (abs.split(path.sep).join('/').includes('node_modules/@microsoft/office-js')) {
    throw new Error('OFFICE_JS_DIR must not be the npm @microsoft/office-js (1.1.110): it lacks the Note API; download a current copy');
  }
  const missing = VENDORED_FILES.filter((f) => !fs.existsSync(path.join(abs, f)));
  if (missing.length) throw new Error(`OFFICE_JS_DIR ${abs} lacks ${missing.join(', ')}`);
  return abs;
}

function officeJsUrl() {
  if (process.env.OFFICE_JS === 'vendored') return `${VENDORED_DIR}/office.js`;
  const cdn = process.env.OFFICE_JS_CDN || 'microsoft';
  if (!OFFICE_JS[cdn]) throw new Error(`OFFICE_JS_CDN must be one of ${Object.keys(OFFICE_JS).join(', ')}`);
  return OFFICE_JS[cdn];
}

function productionOrigin() {
  const origin = (process.env.ADDIN_ORIGIN || DEV_ORIGIN).replace(/\/+$/, '');
  if (!/^https:\/\/[^/]+$/.test(origin)) throw new Error('ADDIN_ORIGIN must be https://host[:port]');
  return origin;
}

/** Only our own files, the office.js origin, and the inline boot script (by hash). */
function contentSecurityPolicy(officeJs, boot) {
  const office = /^https:/.test(officeJs) ? ` ${new URL(officeJs).origin}` : '';
  const bootHash = crypto.createHash('sha256').update(boot).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self'${office} 'sha256-${bootHash}'`,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The development certificate (only when serving: a build needs none). office-addin-dev-certs
 * makes it and installs its CA; installing needs sudo on Linux, so when that fails the
 * certificate is still used and the CA is left for the developer to trust in the browser.
 */
async function httpsOptions() {
  const certs = require('office-addin-dev-certs');
  const files = require('office-addin-dev-certs/lib/defaults');
  try {
    const o = await certs.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    if (!fs.existsSync(files.localhostCertificatePath)) await certs.generateCertificates();
    console.warn(`\nThe development CA could not be installed (${String(e.message).split('\n')[0]}).\nTrust ${files.caCertificatePath} in the browser that runs Excel on the web.\n`);
    return {
      ca: fs.readFileSync(files.caCertificatePath),
      key: fs.readFileSync(files.localhostKeyPath),
      cert: fs.readFileSync(files.localhostCertificatePath),
    };
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const ui = loadUi();
  const officeJs = officeJsUrl();
  const boot = fs.readFileSync(path.join(__dirname, 'src/taskpane/boot.es5.js'), 'utf8');
  const templateParameters = { ui, browser: loadUi('browser'), officeJs, boot, csp: contentSecurityPolicy(officeJs, boot), browserPage: BROWSER_PAGE };
  const origin = productionOrigin();

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'samples/*.xlsx', to: 'samples/[name][ext]' },
    // The browser page's CSP allows no inline script: it loads the same boot check as a file.
    { from: 'src/taskpane/boot.es5.js', to: 'boot.js', info: { minimized: true } },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (production ? content.toString().split(DEV_ORIGIN).join(origin) : content),
    },
  ];
  if (process.env.OFFICE_JS === 'vendored') {
    copies.push({
      from: vendoredDir(),
      to: VENDORED_DIR,
      globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts', '**/office-vsdoc.js'] },
      // Microsoft's files as published: the minimizer must leave them alone.
      info: { minimized: true },
    });
  }

  const page = (name, chunk, template) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks: [chunk],
      // The boot script loads the bundles after checking the webview; its hash must not change.
      inject: false,
      minify: false,
      templateParameters,
    });

  const config = {
    mode: production ? 'production' : 'development',
    // webpack's own runtime (chunk loading) is written for this too, without ?. or ??.
    target: ['web', ES_TARGET],
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      browser: './src/browser/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist/web'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'esbuild-loader',
            options: {
              loader: 'tsx',
              jsx: 'automatic',
              target: ES_TARGET,
              // Left as written so webpack sees `new Worker(new URL('./worker.ts', import.meta.url))`.
              supported: { 'import-meta': true },
            },
          },
        },
        {
          // Dependencies ship ES2020+ (optional chaining, ??, class fields): compiled down too.
          test: /\.m?js$/,
          include: /node_modules/,
          use: { loader: 'esbuild-loader', options: { target: ES_TARGET } },
        },
      ],
    },
    plugins: [
      page('taskpane', 'taskpane', './src/taskpane/taskpane.html'),
      page('commands', 'commands', './src/commands/commands.html'),
      page('browser', 'browser', './src/browser/browser.html'),
      // The manifest's LearnMoreUrl and SupportUrl: text only, no bundle.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], inject: false, minify: false, templateParameters }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    // The pages stay as written: minifying would change the boot script and break its CSP hash.
    optimization: { minimizeOptions: { html: false } },
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 1.5 * 1024 * 1024, maxAssetSize: 1.5 * 1024 * 1024 },
  };

  if (serving) {
    config.devServer = {
      port: PORT,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: false,
    };
  }
  return config;
};
