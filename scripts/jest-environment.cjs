// Jest test environment: node's, plus a full garbage collection in the worker after each test file.
// Without it a worker ends the run holding hundreds of MB of earlier files' garbage, and freeing
// that heap as the process exits takes longer than the 500 ms jest allows before it kills the
// worker and warns "A worker process has failed to exit gracefully". The collection also keeps
// workerIdleMemoryLimit to memory that is really held, not garbage not yet collected.
const v8 = require('node:v8');
const vm = require('node:vm');
// jest's own node environment, found where jest's config package finds it (no direct dependency).
const { TestEnvironment } = require(require.resolve('jest-environment-node', { paths: [require.resolve('jest-config')] }));

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

class CollectingEnvironment extends TestEnvironment {
  async teardown() {
    await super.teardown();
    // jest has dropped the file's modules by now (runtime.teardown runs first): they go too.
    collectGarbage();
  }
}

module.exports = CollectingEnvironment;
