// `npm start` without Excel (and `npm run start:browser`): builds the pages into dist/web,
// rebuilding on every change, and serves them on http://localhost:3000 (or the next free port;
// PORT=8080 npm start asks for another); the browser page opens with the synthetic demo
// workbook. Plain http is fine here: the page runs on this machine and never sends a workbook anywhere.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import kit from './browser-kit.cjs';
import makeConfig from '../webpack.config.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const asked = process.env.PORT !== undefined && process.env.PORT !== '';
const wanted = Number(process.env.PORT) || 3000;

/** Whether nothing listens on `port` of localhost yet. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
  });
}

/** PORT when it was given (it must be free), else 3000 or the next free port after it. */
async function choosePort() {
  if (asked) {
    if (await isFree(wanted)) return wanted;
    console.error(`端口 ${wanted} 已被占用：请换一个空闲端口，例如 PORT=${wanted + 1} npm start`);
    process.exit(2);
  }
  for (let p = wanted; p < wanted + 50; p++) {
    if (await isFree(p)) {
      if (p !== wanted) console.log(`端口 ${wanted} 已被占用，改用 ${p}（也可以用 PORT=端口号 npm start 指定）。`);
      return p;
    }
  }
  console.error(`端口 ${wanted}–${wanted + 49} 都已被占用：请用 PORT=端口号 npm start 指定一个空闲端口。`);
  process.exit(2);
}

const port = await choosePort();
const config = await makeConfig({}, { mode: 'development' });
let server = null;

console.log('正在构建浏览器页面（第一次约需一分钟）…');
webpack(config).watch({}, async (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString('errors-only'));
    return;
  }
  console.log(`构建完成，用时 ${((stats.endTime - stats.startTime) / 1000).toFixed(1)} 秒。`);
  if (server) return;
  try {
    server = await kit.serveStatic(path.join(root, 'dist', 'web'), { host: 'localhost', port });
  } catch {
    // Taken between the check and now, or refused by the system.
    console.error(`无法在端口 ${port} 上提供页面：请用 PORT=端口号 npm start 换一个空闲端口。`);
    process.exit(2);
  }
  console.log(`
保学助手（浏览器版），打开示例工作簿：

  ${server.url}/browser.html?demo=1

请用 Chrome、Edge 或 Firefox 打开。在页面中打开的文件只在浏览器里处理，不会上传。
本机没有安装 Excel；\`npm run start:excel\` 可为网页版 Excel 提供加载项。
按 Ctrl+C 停止。`);
});
