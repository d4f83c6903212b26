/**
 * The install route a template is tagged for. Excel opens the pane with a workbook only when
 * the reference's store/storeType match how the add-in was installed (OfficeDev/office-js-docs-pr
 * docs/develop/automatically-open-a-task-pane-with-a-document.md, the storeType table).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseCli } from '../../src/cli/args';
import { runTemplates } from '../../src/cli/templates';
import { parseRoute } from '../../src/templates/route';
import { webextensionXml } from '../../src/io/xlsx/write/taskpane';
import { UsageError } from '../../src/cli/profile';

const ID = '1ae51e10-c183-406a-8edf-425b7c400db6';
const reference = (xml: string) => /<we:reference [^>]*\/>/.exec(xml)?.[0];

describe('webextension reference per route', () => {
  it.each([
    [{ kind: 'centralized' } as const, 'store="EXCatalog" storeType="EXCatalog"'],
    [{ kind: 'share', path: '\\\\edu-server\\addins' } as const, 'store="\\\\edu-server\\addins" storeType="FileSystem"'],
    [{ kind: 'sideload' } as const, 'store="developer" storeType="Registry"'],
  ])('%j', (route, attrs) => {
    const xml = webextensionXml({ addinId: ID, version: '1.0.0.0', route, autoShow: true });
    expect(reference(xml)).toBe(`<we:reference id="${ID}" version="1.0.0.0" ${attrs}/>`);
  });
});

describe('parseRoute', () => {
  it('defaults to Centralized Deployment', () => expect(parseRoute(undefined, undefined)).toEqual({ kind: 'centralized' }));
  it('takes a share path as given in the Trust Center', () => {
    expect(parseRoute('share', '\\\\服务器\\加载项\\')).toEqual({ kind: 'share', path: '\\\\服务器\\加载项' });
    expect(parseRoute(undefined, '\\\\srv\\cat\\baoxue')).toEqual({ kind: 'share', path: '\\\\srv\\cat\\baoxue' });
  });
  it.each([
    ['store', undefined, /不认识的加载项部署方式“store”/],
    ['share', undefined, /--share/],
    ['share', 'C:\\addins', /格式不对/],
    ['share', '\\\\server', /格式不对/],
    ['sideload', '\\\\srv\\cat', /只有部署方式为 share/],
  ])('refuses %s %s', (name, share, message) => expect(() => parseRoute(name, share)).toThrow(message));
});

describe('baoxue templates --route', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-route-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const quiet = <T>(f: () => Promise<T>) => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    return f().finally(() => out.mockRestore());
  };
  const references = () =>
    fs.readdirSync(dir).map((f) => reference(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, f))))['xl/webextensions/webextension1.xml']!)));

  it('tags every template for the share it names', async () => {
    expect(await quiet(() => runTemplates(parseCli(['templates', dir, '--route', 'share', '--share', '\\\\edu\\addins'])))).toBe(0);
    const refs = references();
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(r).toContain('store="\\\\edu\\addins" storeType="FileSystem"');
  });

  it('takes the route from ADDIN_ROUTE when no flag is given (the build setting)', async () => {
    process.env.ADDIN_ROUTE = 'sideload';
    try {
      expect(await quiet(() => runTemplates(parseCli(['templates', dir])))).toBe(0);
    } finally {
      delete process.env.ADDIN_ROUTE;
    }
    for (const r of references()) expect(r).toContain('store="developer" storeType="Registry"');
  });

  it('refuses a wrong route before writing anything', async () => {
    await expect(runTemplates(parseCli(['templates', dir, '--route', 'appsource']))).rejects.toThrow(UsageError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
