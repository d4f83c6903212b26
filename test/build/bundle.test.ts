/**
 * Every script the production build emits runs in an ES2019 webview: older Mac Office shows
 * add-ins in Safari 13–15, schools' 360/QQ browsers lag Chrome by years. A script with newer
 * syntax, a regex lookbehind (Safari < 16.4) or `.at()` (Safari < 15.4) leaves the pane blank.
 * The build is the one the browser e2e test serves (scripts/browser-kit.cjs buildWeb, rebuilt
 * only when a source changed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWeb, ROOT } from '../../scripts/browser-kit.cjs';
import { beyondEs2019 } from './es2019';

describe('beyondEs2019', () => {
  it.each([
    ['a?.b', 'syntax'],
    ['a ?? b', 'syntax'],
    ['class A { x = 1 }', 'syntax'],
    ['var r = /(?<=\\d)x/;', 'lookbehind'],
    ['var r = new RegExp("(?<![0-9])\\\\d{18}");', 'lookbehind'],
    ['var last = list.at(-1);', 'at'],
  ])('finds what ES2019 webviews refuse: %s', (code, kind) => {
    const r = beyondEs2019(code);
    if (kind === 'syntax') expect(r.syntax).toBeDefined();
    if (kind === 'lookbehind') expect(r.lookbehind).toHaveLength(1);
    if (kind === 'at') expect(r.at).toBe(1);
  });

  it('accepts ES2019 with named groups, lookahead and a class method called at', () => {
    const code = 'class S { at(a, b) { return a === b; } f() { return this.at(1, 2); } }\nvar r = /(?<y>\\d{4})(?!\\d)/u; var s = "(?<=";';
    expect(beyondEs2019(code)).toEqual({ lookbehind: ['(?<='], at: 0 });
    expect(beyondEs2019(code.split('\n')[0]!)).toEqual({ lookbehind: [], at: 0 });
  });
});

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // A vendored office.js is Microsoft's, served as published.
    if (e.isDirectory()) return e.name === 'office-js' ? [] : scripts(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

it('npx webpack --mode production: every emitted script parses as ES2019, without lookbehind or .at()', () => {
  const out = buildWeb(path.join(ROOT, '.tmp', 'web'));
  const files = scripts(out);
  expect(files.map((f) => path.basename(f).split('.')[0])).toEqual(expect.arrayContaining(['taskpane', 'commands', 'browser']));
  for (const f of files) {
    expect([path.basename(f), beyondEs2019(fs.readFileSync(f, 'utf8'))]).toEqual([path.basename(f), { lookbehind: [], at: 0 }]);
  }
}, 600_000);
