// `npm run start:excel` (and `npm start` where Excel is installed).
// On Windows and Mac: office-addin-debugging (Microsoft's sideloader, what `yo office` projects
// run) registers manifest.xml as a developer add-in (on Windows under the registry key
// HKCU\Software\Microsoft\Office\16.0\WEF\Developer), starts the dev server on
// https://localhost:3000 and opens Excel. That is the "Registry / developer" route, so templates
// for development are built with `--route sideload` (printed below).
// It is fetched by npx on first use, pinned, instead of being a dependency: it pulls keytar,
// whose native build fails without libsecret, so it would break `npm ci` on Linux and CI.
// Elsewhere (Linux: no Excel desktop) the dev server starts and the manual sideload steps print.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = path.join(root, 'manifest.xml');
const DEBUGGING = 'office-addin-debugging@7.0.0';
const devTemplates = `node bin/baoxue.cjs templates dist/templates-dev --route sideload`;

const steps = `
Templates that open this development pane by themselves (the registry sideload route):
  ${devTemplates}
`;

const manualSteps = `
Sideload the add-in (once per Excel):
  Excel on the web: open a workbook → 插入 (Insert) → 加载项 (Add-ins) → 上载我的加载项 (Upload My Add-in)
                    → choose ${manifest}
  Excel on Windows: put manifest.xml in a shared folder, add it under
                    文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录, restart Excel,
                    then 插入 → 我的加载项 → 共享文件夹 (templates: --route share --share \\\\server\\folder).
Then click 开始 (Home) → 打开助手. The pages are served from https://localhost:3000 while this runs.
`;

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return child;
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const child = run(npx, ['--yes', DEBUGGING, 'start', manifest, 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000']);
  console.log(steps + '\nnpm run stop:excel stops the dev server and removes the sideload.\n');
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = run(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), 'serve', '--mode', 'development']);
  console.log(manualSteps + steps);
  child.on('exit', (code) => process.exit(code ?? 0));
}
