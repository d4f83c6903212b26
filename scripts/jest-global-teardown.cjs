// Jest global teardown: ends what scripts/jest-global-setup.cjs started.
const { SHARED_ENDPOINT } = require('./browser-kit.cjs');

module.exports = async function globalTeardown() {
  const office = globalThis.__baoxueOffice;
  if (office) {
    delete globalThis.__baoxueOffice;
    for (const name of Object.keys(office.env)) delete process.env[name];
    await office.stop();
  }
  const server = globalThis.__baoxueChromium;
  if (!server) return;
  delete globalThis.__baoxueChromium;
  delete process.env[SHARED_ENDPOINT];
  await server.close();
};
