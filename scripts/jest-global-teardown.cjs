// Jest global teardown: ends what scripts/jest-global-setup.cjs started.
const { SHARED_ENDPOINT } = require('./browser-kit.cjs');

module.exports = async function globalTeardown() {
  const server = globalThis.__baoxueChromium;
  if (!server) return;
  delete globalThis.__baoxueChromium;
  delete process.env[SHARED_ENDPOINT];
  await server.close();
};
