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

/** Starts LibreOffice without waiting for it (the first check waits, while other files run). */
function startOffice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-office-'));
  const pipe = `baoxue-office-${process.pid}`;
  // Its own process group: soffice is a script whose soffice.bin the teardown ends with it.
  const child = spawn(
    'soffice',
    ['--headless', '--invisible', '--norestore', '--nologo', '--nodefault', `-env:UserInstallation=file://${dir}/profile`, `--accept=pipe,name=${pipe};urp;`],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  return {
    env: { [SHARED_OFFICE]: `pipe,name=${pipe}`, [SHARED_OFFICE_LOCK]: path.join(dir, 'lock') },
    async stop() {
      const group = (signal) => {
        try {
          process.kill(-child.pid, signal);
          return true;
        } catch {
          return false; // the whole group is gone
        }
      };
      group('SIGTERM');
      for (let waited = 0; group(0); waited += 100) {
        if (waited === 10_000) group('SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      fs.rmSync(dir, { recursive: true, force: true });
      // LibreOffice leaves its named pipe behind when ended by a signal.
      fs.rmSync(`/tmp/OSL_PIPE_${process.getuid()}_${pipe}`, { force: true });
    },
  };
}

module.exports = { SHARED_OFFICE, hasOffice, startOffice };
