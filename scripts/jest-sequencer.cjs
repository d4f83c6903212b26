// Jest test order: jest's own (failed first, then slowest first), except that the files which wait
// for the shared production build of the pages (browser-kit's buildWeb) do not start side by side.
// The first of them builds; the slowest file that needs no build runs next to it, so the other
// worker works instead of sleeping on the build's lock. The rest of them follow right after.
const fs = require('node:fs');
// jest's default sequencer, found where jest's config package finds it (it is no direct dependency).
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [require.resolve('jest-config')] })).default;

const waitsForBuild = (test) => fs.readFileSync(test.path, 'utf8').includes('buildWeb(');

class BuildAwareSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const builds = sorted.filter(waitsForBuild);
    const others = sorted.filter((t) => !builds.includes(t));
    if (builds.length === 0 || others.length === 0) return sorted;
    return [builds[0], others[0], ...builds.slice(1), ...others.slice(1)];
  }
}

module.exports = BuildAwareSequencer;
