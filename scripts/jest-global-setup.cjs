// Jest global setup: one Chromium for every end-to-end test file of the run. The files connect
// to it through browser-kit's launchChromium (each gets its own context) instead of launching
// a browser each. Started only when the run includes a file that drives Chromium.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, SHARED_ENDPOINT, launchChromiumServer } = require('./browser-kit.cjs');

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const drivesChromium = (file) => file.includes(`${path.sep}e2e${path.sep}`) || fs.readFileSync(file, 'utf8').includes('launchChromium(');

/** Whether a file this run selects drives Chromium; runs that pick files another way are assumed to. */
function runNeedsChromium(globalConfig) {
  if (globalConfig.onlyChanged || globalConfig.findRelatedTests || globalConfig.watch || globalConfig.watchAll) return true;
  const pattern = globalConfig.testPathPattern ? new RegExp(globalConfig.testPathPattern, 'i') : null;
  return testFiles(path.join(ROOT, 'test')).some((f) => (!pattern || pattern.test(f)) && drivesChromium(f));
}

module.exports = async function globalSetup(globalConfig) {
  if (process.env[SHARED_ENDPOINT] || !runNeedsChromium(globalConfig)) return;
  const server = await launchChromiumServer();
  // Workers are started after this and inherit the environment; teardown runs in this process.
  process.env[SHARED_ENDPOINT] = server.wsEndpoint;
  globalThis.__baoxueChromium = server;
};
