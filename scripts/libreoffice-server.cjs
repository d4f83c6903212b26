// One headless LibreOffice for every LibreOffice check of a jest run: the global setup starts it,
// listening on a UNO pipe, and names that pipe (and a lock file) in the environment the workers
// inherit; test/helpers/libreoffice_session.py connects to it instead of starting its own.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const SHARED_OFFICE = 'BAOXUE_LIBREOFFICE';
const SHARED_OFFICE_LOCK = `${SHARED_OFFICE}_LOCK`;

const hasOffice = () => spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;

/** Asks the LibreOffice on `connection` to quit, as the scripts' own LibreOffice is ended. */
const TERMINATE = [
  'import sys, uno',
  'local = uno.getComponentContext()',
  'resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)',
  'ctx = resolver.resolve(f"uno:{sys.argv[1]};urp;StarOffice.ComponentContext")',
  'ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()',
].join('\n');

/** Ends a LibreOffice that does not quit when asked: oosplash (what soffice runs) and its soffice.bin. */
function killWithChildren(pid) {
  let children = [];
  try {
    // Any of oosplash's threads may have started soffice.bin: each lists its own children.
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    children = tasks.flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    // no /proc: the main process only
  }
  for (const p of [...children, pid]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Starts LibreOffice without waiting for it (the first check waits, while other files run). */
function startOffice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-office-'));
  const pipe = `baoxue-office-${process.pid}`;
  const connection = `pipe,name=${pipe}`;
  // In jest's process group, so an interrupted run (Ctrl-C) ends it too.
  const child = spawn(
    'soffice',
    ['--headless', '--invisible', '--norestore', '--nologo', '--nodefault', `-env:UserInstallation=file://${dir}/profile`, `--accept=${connection};urp;`],
    { stdio: 'ignore' },
  );
  child.unref();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    env: { [SHARED_OFFICE]: connection, [SHARED_OFFICE_LOCK]: path.join(dir, 'lock') },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.ref(); // until it has exited
        spawnSync('/usr/bin/python3', ['-c', TERMINATE, connection], { stdio: 'ignore', timeout: 30_000 });
        const timer = setTimeout(() => killWithChildren(child.pid), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
      // A killed LibreOffice leaves its named pipe behind.
      fs.rmSync(`/tmp/OSL_PIPE_${process.getuid()}_${pipe}`, { force: true });
    },
  };
}

module.exports = { SHARED_OFFICE, hasOffice, startOffice };
