// Fails unless `node` is the only dependency whose install script runs: every other package of the
// lockfile that has one is explicitly denied in package.json's `allowScripts` (npm then skips it), so
// nothing needs an install script to work. The test suite runs with those scripts skipped.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const { allowScripts = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const APPROVED = new Set(['node']);

const withScripts = new Map();
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!entry.hasInstallScript || path === '') continue;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  withScripts.set(name, entry.version);
}

const problems = [];
for (const [name, version] of withScripts) {
  const decision = allowScripts[name] ?? allowScripts[`${name}@${version}`];
  if (decision === undefined) problems.push(`${name}@${version} has an install script that allowScripts neither approves nor denies`);
  else if (decision !== false && !APPROVED.has(name))
    problems.push(`${name}@${version} may run its install script; only ${[...APPROVED].join(', ')} may`);
}
for (const name of APPROVED) if (allowScripts[name] !== true) problems.push(`${name} must be approved in allowScripts`);

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
const denied = [...withScripts.keys()].filter((name) => !APPROVED.has(name));
process.stdout.write(`Install scripts: only ${[...APPROVED].join(', ')} runs one; denied: ${denied.join(', ') || 'none'}.\n`);
