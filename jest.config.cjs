/** Tests run the TypeScript sources through esbuild (fast, no type check: `tsc --noEmit` does that). */
module.exports = {
  testEnvironment: '<rootDir>/scripts/jest-environment.cjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/scripts/jest-esbuild.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  testTimeout: 120000,
  // One Chromium for all the end-to-end files of a run (scripts/browser-kit.cjs connects to it).
  globalSetup: '<rootDir>/scripts/jest-global-setup.cjs',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.cjs',
  // The files waiting for the one build of the pages do not start side by side (see the file).
  testSequencer: '<rootDir>/scripts/jest-sequencer.cjs',
  // On 2 cores jest would run every file in its own process in band and keep all their memory;
  // two workers, recycled when they grow, keep the big round-trip and corpus files apart.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
