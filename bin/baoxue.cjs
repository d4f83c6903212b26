#!/usr/bin/env node
// The `baoxue` command. Runs the bundled CLI, rebuilding it first when the sources are newer
// (a developer's checkout); an installed copy just runs dist/baoxue.cjs.
const build = require('../scripts/build-cli.cjs');

if (build.isStale()) {
  try {
    build.buildCli();
  } catch (e) {
    process.stderr.write('构建命令行工具失败：请先运行 npm install\n');
    process.exit(2);
  }
}
require(build.outfile)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
