/**
 * The boot gate (src/taskpane/boot.es5.js) on the webviews and browsers the pages meet. A vm
 * context brings this Node's built-ins; the page's own APIs (fetch, Worker, TextDecoder) and
 * office.js are given or not, and built-ins an older Safari lacks are deleted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';

const source = readFileSync(path.join(__dirname, '../../src/taskpane/boot.es5.js'), 'utf8');

interface Page {
  appended: { src: string; async: boolean }[];
  shown: string[];
  url: string;
  officeInitialized: boolean;
  /** Global functions the page defines (legacy Office calls function commands by name). */
  context: Record<string, unknown>;
  dialogs: string[];
  associated: string[];
}

interface Opts {
  userAgent?: string;
  documentMode?: number;
  /** fetch, Worker and TextDecoder, which a page (not Node) provides. */
  web?: boolean;
  /** Built-ins to delete first, e.g. 'WeakRef', 'String.prototype.replaceAll'. */
  without?: string[];
  office?: boolean;
  attrs?: Record<string, string>;
}

const CHROME = 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0';

function boot(opts: Opts): Page {
  const page: Page = { appended: [], shown: [], url: '', officeInitialized: false, context: {}, dialogs: [], associated: [] };
  const box = (id: string) => ({ style: { set display(v: string) { if (v === 'block') page.shown.push(id); } } });
  const urlBox = { getAttribute: () => 'browser.html', appendChild: (n: { text: string }) => (page.url = n.text) };
  const office: Record<string, unknown> = {
    context: { ui: { displayDialogAsync: (url: string) => page.dialogs.push(url) } },
    onReady: (f: () => void) => f(),
    actions: { associate: (name: string) => page.associated.push(name) },
  };
  const attrs = opts.attrs ?? { 'data-office': 'required' };
  const document = {
    documentMode: opts.documentMode,
    documentElement: { getAttribute: (name: string) => attrs[name] ?? null },
    getElementById: (id: string) => (id === 'browser-url' ? urlBox : ['legacy', 'no-office'].includes(id) ? box(id) : null),
    querySelector: () => ({ getAttribute: () => 'vendor.js taskpane.js' }),
    createElement: () => ({ src: '', async: true }),
    createTextNode: (text: string) => ({ text }),
    head: { appendChild: (s: { src: string; async: boolean }) => page.appended.push({ src: s.src, async: s.async }) },
  };
  const context: Record<string, unknown> = {
    navigator: { userAgent: opts.userAgent ?? CHROME },
    document,
    location: { protocol: 'https:', host: 'addin.example.cn' },
  };
  context.window = context;
  if (opts.office !== false) context.Office = office;
  if (opts.web !== false) Object.assign(context, { fetch: () => undefined, Worker: class {}, TextDecoder: class {} });
  vm.createContext(context);
  for (const name of opts.without ?? []) vm.runInContext(`delete ${name.includes('.') ? name : `globalThis.${name}`}`, context);
  vm.runInContext(source, context);
  page.officeInitialized = typeof office.initialize === 'function';
  page.context = context;
  return page;
}

test('is plain ES5, so Internet Explorer 11 can run it', () => {
  expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
});

test('modern webviews load the bundles in order', () => {
  const page = boot({});
  expect(page.appended).toEqual([
    { src: 'vendor.js', async: false },
    { src: 'taskpane.js', async: false },
  ]);
  expect(page.shown).toEqual([]);
});

test.each([
  ['Internet Explorer 11 (Office 2016)', { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko', documentMode: 11, web: false }],
  ['the old Edge (Office 2019)', { userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/70.0 Safari/537.36 Edge/18.17763' }],
  // Safari 14.0 (macOS 10.15 with Office 2019/2021): no WeakRef (Fluent UI's keyborg), no replaceAll before 13.1.
  ['Safari 14.0 without WeakRef', { userAgent: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/14.0 Safari/605.1.15', without: ['WeakRef'] }],
  ['Safari 13 without BigInt and replaceAll', { without: ['BigInt', 'String.prototype.replaceAll'] }],
  ['a browser without globalThis (zod reads it at load)', { without: ['globalThis.globalThis'] }],
  ['a browser without Worker (the check runs in one)', { web: false }],
])('%s gets the way to the browser version instead', (_name, opts) => {
  const page = boot(opts);
  expect(page.appended).toEqual([]);
  expect(page.shown).toEqual(['legacy']);
  expect(page.url).toBe('https://addin.example.cn/browser.html');
  expect(page.officeInitialized).toBe(true);
});

test('office.js not loaded (blocked CDN, intranet): the Chinese explanation, no bundle, no ReferenceError', () => {
  const page = boot({ office: false });
  expect(page.appended).toEqual([]);
  expect(page.shown).toEqual(['no-office']);
});

test('the browser page needs no office.js', () => {
  const page = boot({ office: false, attrs: {} });
  expect(page.appended).toHaveLength(2);
  expect(page.shown).toEqual([]);
});

test('Office 2016/2019: the ribbon commands complete and show the explanation in a dialog', () => {
  const attrs = { 'data-office': 'required', 'data-dialog': 'taskpane.html', 'data-commands': 'checkWorkbook fillTotals' };
  const page = boot({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko', documentMode: 11, web: false, attrs });
  expect(page.associated).toEqual(['checkWorkbook', 'fillTotals']);
  let completed = 0;
  (page.context.checkWorkbook as (e: object) => void)({ completed: () => completed++ });
  (page.context.fillTotals as (e: object) => void)({ completed: () => completed++ });
  expect(completed).toBe(2);
  expect(page.dialogs).toEqual(['https://addin.example.cn/taskpane.html', 'https://addin.example.cn/taskpane.html']);
});

test('the pane page has the boxes the gate shows, and always a scroll bar (no jump when it appears)', () => {
  const html = readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
  expect(html).toMatch(/<html [^>]*data-office="required"/);
  for (const id of ['legacy', 'no-office', 'browser-url']) expect(html).toContain(`id="${id}"`);
  expect(html).toMatch(/<body [^>]*overflow-y: scroll/);
});
