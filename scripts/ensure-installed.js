// Installs the locked dependencies when they are missing, so `npm start` and `npm test` work on a
// fresh clone. Plain CommonJS that any Node runs: it may run before the node@24 package is installed.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const installed = ['node_modules/.package-lock.json', 'node_modules/.bin/nest', 'node_modules/node/bin/node'].every((file) =>
  existsSync(join(root, file)),
);
if (!installed) {
  process.stdout.write('Installing dependencies (npm ci)…\n');
  execSync('npm ci', { cwd: root, stdio: 'inherit' });
}
