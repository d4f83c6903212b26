// Jest global setup: one Chromium for every end-to-end test file of the run, and one LibreOffice
// for every LibreOffice check. The files connect to the Chromium through browser-kit's
// launchChromium (each gets its own context), and test/helpers/libreoffice_session.py to the
// LibreOffice, instead of launching their own. Each starts only when the run includes a file that uses it.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, SHARED_ENDPOINT, launchChromiumServer } = require('./browser-kit.cjs');
const { SHARED_OFFICE, hasOffice, startOffice } = require('./libreoffice-server.cjs');

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const drivesChromium = (file) => file.includes(`${path.sep}e2e${path.sep}`) || fs.readFileSync(file, 'utf8').includes('launchChromium(');
/** The files that run test/helpers' LibreOffice scripts (the session's users). */
const usesOffice = (file) => /libreoffice_(open|convert)\.py|lo_eval\.py|helpers\/libreOffice'/.test(fs.readFileSync(file, 'utf8'));

/** Whether a file this run selects is `wanted`; runs that pick files another way are assumed to select one. */
function runSelects(globalConfig, wanted) {
  if (globalConfig.onlyChanged || globalConfig.findRelatedTests || globalConfig.watch || globalConfig.watchAll) return true;
  const pattern = globalConfig.testPathPattern ? new RegExp(globalConfig.testPathPattern, 'i') : null;
  return testFiles(path.join(ROOT, 'test')).some((f) => (!pattern || pattern.test(f)) && wanted(f));
}

module.exports = async function globalSetup(globalConfig) {
  // Workers are started after this and inherit the environment; teardown runs in this process.
  if (!process.env[SHARED_OFFICE] && hasOffice() && runSelects(globalConfig, usesOffice)) {
    const office = startOffice();
    Object.assign(process.env, office.env);
    globalThis.__baoxueOffice = office;
  }
  if (process.env[SHARED_ENDPOINT] || !runSelects(globalConfig, drivesChromium)) return;
  const server = await launchChromiumServer();
  process.env[SHARED_ENDPOINT] = server.wsEndpoint;
  globalThis.__baoxueChromium = server;
};
