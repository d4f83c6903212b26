// `npm run start:excel` (and `npm start` where Excel is installed): serves the add-in from
// https://localhost:3000 and says how to load it into Excel.
// office-addin-debugging (the template's sideloader) cannot be installed here (keytar needs
// libsecret), and there is no Excel desktop on Linux, so the manifest is sideloaded by hand.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = path.join(root, 'manifest.xml');

const steps = `
Sideload the add-in (once per Excel):
  Excel on the web: open a workbook → 插入 (Insert) → 加载项 (Add-ins) → 上载我的加载项 (Upload My Add-in)
                    → choose ${manifest}
  Excel on Windows: put manifest.xml in a shared folder, add it under
                    文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录, restart Excel,
                    then 插入 → 我的加载项 → 共享文件夹.
  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
Then click 开始 (Home) → 打开助手. The pages are served from https://localhost:3000 while this runs.
`;

const child = spawn(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), 'serve', '--mode', 'development'], {
  cwd: root,
  stdio: 'inherit',
});
console.log(steps);
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
