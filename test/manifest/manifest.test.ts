/**
 * The offline manifest check that CI runs (office-addin-manifest validate needs Microsoft's
 * online service, so `npm run validate` stays a manual pre-release step).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { ui } from '../../src/i18n/zh-CN/ui';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const root = path.join(__dirname, '../..');

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const top: Node = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [top];
  parser.on('opentag', (t) => {
    const node: Node = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack[stack.length - 1]!.text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return top.children[0]!;
}

function all(node: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}

const manifest = parse(readFileSync(path.join(root, 'manifest.xml'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const byName = (name: string) => all(manifest, (n) => n.name === name);
const one = (name: string) => {
  const found = byName(name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** Resources by id: bt:Image, bt:Url and bt:String. */
const resources = new Map(
  all(manifest, (n) => ['bt:Image', 'bt:Url', 'bt:String'].includes(n.name) && 'id' in n.attrs).map((n) => [n.attrs.id!, n]),
);

/** Every URL the add-in loads (namespace declarations are names, not addresses). */
const urls = all(manifest, () => true).flatMap((n) =>
  [...Object.entries(n.attrs).filter(([k]) => !/^xmlns(:|$)/.test(k)).map(([, v]) => v), n.text.trim()].filter((v) => /^[a-z]+:\/\//i.test(v)),
);

test('is an Excel task-pane add-in with a fixed GUID, in Chinese', () => {
  expect(manifest.name).toBe('OfficeApp');
  expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(one('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one('DefaultLocale').text).toBe('zh-CN');
  expect(byName('Host').map((h) => h.attrs.Name ?? h.attrs['xsi:type'])).toEqual(['Workbook', 'Workbook']);
  expect(one('DisplayName').attrs.DefaultValue).toBe(ui.appName);
});

test('Version is package.json\'s version (Office wants four parts; the fourth is 0)', () => {
  const [major, minor, patch, build] = one('Version').text.split('.');
  expect([major, minor, patch].join('.')).toBe(pkg.version);
  expect(build).toBe('0');
});

test('asks only for ReadWriteDocument', () => {
  expect(one('Permissions').text).toBe('ReadWriteDocument');
});

test('every resid resolves to a resource of the right kind', () => {
  const refs = all(manifest, (n) => 'resid' in n.attrs);
  expect(refs.length).toBeGreaterThan(10);
  for (const r of refs) {
    const target = resources.get(r.attrs.resid!);
    expect([r.name, r.attrs.resid, Boolean(target)]).toEqual([r.name, r.attrs.resid, true]);
    const kind = r.name === 'bt:Image' ? 'bt:Image' : /Url|SourceLocation|FunctionFile/.test(r.name) ? 'bt:Url' : 'bt:String';
    expect([r.attrs.resid, target!.name]).toEqual([r.attrs.resid, kind]);
  }
  for (const s of all(manifest, (n) => n.name === 'bt:String')) {
    const parent = all(manifest, (n) => n.children.includes(s))[0]!;
    expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(parent.name === 'bt:ShortStrings' ? 125 : 250);
  }
});

test('all URLs are https on one origin', () => {
  expect(urls.length).toBeGreaterThan(5);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  expect([...origins]).toEqual(['https://localhost:3000']);
});

test('icons exist as PNGs of their declared size', () => {
  const icons = [one('IconUrl').attrs.DefaultValue!, one('HighResolutionIconUrl').attrs.DefaultValue!];
  for (const img of all(manifest, (n) => n.name === 'bt:Image' && 'id' in n.attrs)) icons.push(img.attrs.DefaultValue!);
  for (const url of icons) {
    const file = path.join(root, new URL(url).pathname);
    expect([url, existsSync(file)]).toEqual([url, true]);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  for (const use of all(manifest, (n) => n.name === 'bt:Image' && 'resid' in n.attrs)) {
    expect(resources.get(use.attrs.resid!)!.attrs.DefaultValue).toMatch(new RegExp(`icon-${use.attrs.size}\\.png$`));
  }
});

test('the one ShowTaskpane action auto-opens with the document', () => {
  const actions = byName('Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
  expect(actions).toHaveLength(1);
  expect(all(actions[0]!, (n) => n.name === 'TaskpaneId').map((n) => n.text)).toEqual(['Office.AutoShowTaskpaneWithDocument']);
});

test('the ribbon offers 检查 / 填写汇总 / 打开助手, and the commands page handles its functions', () => {
  const labels = byName('Control').map((c) => resources.get(all(c, (n) => n.name === 'Label')[0]!.attrs.resid!)!.attrs.DefaultValue);
  expect(labels).toEqual([ui.actions.check, ui.actions.totals, ui.actions.openPane]);
  const functions = byName('FunctionName').map((f) => f.text);
  const commands = readFileSync(path.join(root, 'src/commands/commands.ts'), 'utf8');
  const associated = [...commands.matchAll(/associate\(\s*'([^']+)'/g)].map((m) => m[1]);
  expect(functions.sort()).toEqual(associated.sort());
  expect(new URL(resources.get(one('FunctionFile').attrs.resid!)!.attrs.DefaultValue!).pathname).toBe('/commands.html');
  const pane = all(one('DefaultSettings'), (n) => n.name === 'SourceLocation')[0]!;
  expect(new URL(pane.attrs.DefaultValue!).pathname).toBe('/taskpane.html');
});

test('LearnMoreUrl leads to the help page, not the pane; SupportUrl to its support section, in schema order', () => {
  // docs/develop/manifest-element-ordering.md: SupportUrl follows HighResolutionIconUrl, before Hosts.
  const learnMore = resources.get(one('LearnMoreUrl').attrs.resid!)!.attrs.DefaultValue!;
  expect(new URL(learnMore).pathname).toBe('/help.html');
  const support = new URL(one('SupportUrl').attrs.DefaultValue!);
  expect([support.pathname, support.hash]).toEqual(['/help.html', '#support']);
  const top = manifest.children.map((n) => n.name);
  expect(top.indexOf('SupportUrl')).toBe(top.indexOf('HighResolutionIconUrl') + 1);
  expect(top.indexOf('SupportUrl')).toBeLessThan(top.indexOf('Hosts'));
  expect(readFileSync(path.join(root, 'src/taskpane/help.html'), 'utf8')).toContain('id="support"');
});

test('where the bundle cannot run (Office 2016/2019), the commands page still answers every ribbon function', () => {
  const html = readFileSync(path.join(root, 'src/commands/commands.html'), 'utf8');
  const answered = /data-commands="([^"]*)"/.exec(html)![1]!.split(' ');
  expect(byName('FunctionName').map((f) => f.text).sort()).toEqual(answered.sort());
});
