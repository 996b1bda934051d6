// `node scripts/build.js`: compiles src/ and migrations/ into dist/ only when a source changed since the
// last build, incrementally (tsc keeps its build info in dist/). dist/ is never deleted, so a server
// running from it keeps working while another command builds; the .js of a deleted source is removed.
// Plain CommonJS that any Node runs. `--force` compiles even when nothing changed.
const { spawnSync } = require('node:child_process');
const { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.sources-built');
const lock = join(dist, '.build-lock');
const SOURCE_DIRS = ['src', 'migrations'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const ENTRY_POINTS = ['src/main.js', 'src/cli/cli.js'];

/** The newest modification time among the sources, their folders included (a deleted file changes its folder). */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(join(root, name));
  return newest;
}

function upToDate() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!built || ENTRY_POINTS.some((file) => !existsSync(join(dist, file)))) return false;
  return newestSource() <= built.mtimeMs;
}

/** Removes compiled files whose source is gone (never a whole folder). */
function removeOrphans() {
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.js(\.map)?$/.test(entry.name)) {
        const source = join(root, relative(dist, path)).replace(/\.js(\.map)?$/, '.ts');
        if (!existsSync(source)) unlinkSync(path);
      }
    }
  };
  for (const name of SOURCE_DIRS) if (existsSync(join(dist, name))) visit(join(dist, name));
}

/** One build at a time: a second command waits for the first (a lock older than 2 minutes is stale). */
function acquireLock() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`another build holds ${lock}`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Compiles when still needed once the lock is held; returns the exit status. */
function build(force) {
  if (!force && upToDate()) return 0;
  const started = Date.now();
  process.stdout.write('Building (sources changed since the last build)…\n');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) return tsc.status ?? 1;
  removeOrphans();
  closeSync(openSync(stamp, 'w'));
  utimesSync(stamp, started / 1000, started / 1000);
  process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}

const force = process.argv.includes('--force');
if (force || !upToDate()) {
  mkdirSync(dist, { recursive: true });
  acquireLock();
  try {
    process.exitCode = build(force);
  } finally {
    rmSync(lock, { force: true });
  }
}
