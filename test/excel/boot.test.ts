import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';

const source = readFileSync(path.join(__dirname, '../../src/taskpane/boot.es5.js'), 'utf8');

interface Page {
  appended: { src: string; async: boolean }[];
  legacyShown: boolean;
  url: string;
  officeInitialized: boolean;
}

/** Runs the boot script against a minimal page, as a webview with or without modern features would. */
function boot(opts: { userAgent: string; documentMode?: number; modern: boolean }): Page {
  const page: Page = { appended: [], legacyShown: false, url: '', officeInitialized: false };
  const legacy = { style: { set display(v: string) { page.legacyShown = v === 'block'; } } };
  const urlBox = {
    getAttribute: () => 'browser.html',
    appendChild: (n: { text: string }) => (page.url = n.text),
  };
  const office: { initialize?: () => void } = {};
  const document = {
    documentMode: opts.documentMode,
    getElementById: (id: string) => (id === 'legacy' ? legacy : id === 'browser-url' ? urlBox : null),
    querySelector: () => ({ getAttribute: () => 'vendor.js taskpane.js' }),
    createElement: () => ({ src: '', async: true }),
    createTextNode: (text: string) => ({ text }),
    head: { appendChild: (s: { src: string; async: boolean }) => page.appended.push({ src: s.src, async: s.async }) },
  };
  const context: Record<string, unknown> = {
    navigator: { userAgent: opts.userAgent },
    document,
    location: { protocol: 'https:', host: 'addin.example.cn' },
    Office: office,
  };
  if (opts.modern) Object.assign(context, { Promise, fetch: () => undefined, Proxy });
  vm.runInNewContext(source, context);
  page.officeInitialized = typeof office.initialize === 'function';
  return page;
}

test('is plain ES5, so Internet Explorer 11 can run it', () => {
  expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
});

test('modern webviews load the bundles in order', () => {
  const page = boot({ userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', modern: true });
  expect(page.appended).toEqual([
    { src: 'vendor.js', async: false },
    { src: 'taskpane.js', async: false },
  ]);
  expect(page.legacyShown).toBe(false);
});

test.each([
  ['Internet Explorer 11 (Office 2016)', { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko', documentMode: 11, modern: false }],
  ['the old Edge (Office 2019)', { userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/70.0 Safari/537.36 Edge/18.17763', modern: true }],
])('%s gets the way to the browser version instead', (_name, opts) => {
  const page = boot(opts);
  expect(page.appended).toEqual([]);
  expect(page.legacyShown).toBe(true);
  expect(page.url).toBe('https://addin.example.cn/browser.html');
  expect(page.officeInitialized).toBe(true);
});
