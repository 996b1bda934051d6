// Installs the locked dependencies when they are missing, so `npm start` and `npm test` work on a
// fresh clone. Plain CommonJS that any Node runs: it may run before the node@24 package is installed.
// It runs as the `pre` script (prestart, precli, pretest, prebench), in a shell of its own, so that
// the script after it finds the node@24 it installed (a shell remembers where it found `node`). The
// `pre` scripts test for the same three files first, so that a start with everything installed
// spends no time starting a Node for this.
//
// On an older system Node, npm itself runs on that Node and warns once per package that wants a newer
// one (EBADENGINE), although every project script then runs on the installed Node 24: that install
// runs with --loglevel=error and says so in one line instead.
const { existsSync, readFileSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const installed = ['node_modules/.package-lock.json', 'node_modules/.bin/tsc', 'node_modules/node/bin/node'].every((file) =>
  existsSync(join(root, file)),
);
if (!installed) {
  const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.node;
  const systemMajor = Number(process.versions.node.split('.')[0]);
  const older = systemMajor < Number(wanted.split('.')[0]);
  const started = Date.now();
  process.stdout.write(
    older
      ? `Installing the locked dependencies (npm ci) with Node ${wanted}; npm runs on this machine's Node ${process.versions.node}, whose engine warnings are not shown…\n`
      : 'Installing the locked dependencies (npm ci)…\n',
  );
  execSync(`npm ci --no-audit --no-fund${older ? ' --loglevel=error' : ''}`, { cwd: root, stdio: 'inherit' });
  process.stdout.write(`Installed in ${Math.round((Date.now() - started) / 1000)} s.\n`);
}
