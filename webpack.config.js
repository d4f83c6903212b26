/**
 * Builds the add-in's pages into dist/web: taskpane.html (the pane), commands.html (the
 * ribbon's function file) and browser.html (the same pane on a local file, for WPS and
 * older Excel), plus assets/, samples/ (the demo workbook) and manifest.xml.
 *
 * Settings (environment variables):
 *   ADDIN_ORIGIN=https://host[:port]  where the add-in is served in production; replaces
 *                                     https://localhost:3000 in the copied manifest.
 *   OFFICE_JS_CDN=21vianet            load office.js from the 世纪互联 (21Vianet) CDN.
 *   OFFICE_JS=vendored                copy @microsoft/office-js into the build and load it
 *                                     from the add-in's own origin (isolated intranets).
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
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (production ? content.toString().split(DEV_ORIGIN).join(origin) : content),
    },
  ];
  if (process.env.OFFICE_JS === 'vendored') {
    copies.push({
      from: 'node_modules/@microsoft/office-js/dist',
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
              // WebView2, Safari on Mac Office 2021+, and the browsers of Excel on the web.
              target: 'es2019',
              // Left as written so webpack sees `new Worker(new URL('./worker.ts', import.meta.url))`.
              supported: { 'import-meta': true },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', 'taskpane', './src/taskpane/taskpane.html'),
      page('commands', 'commands', './src/commands/commands.html'),
      page('browser', 'browser', './src/browser/browser.html'),
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
