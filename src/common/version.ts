import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageJson(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

/** The project root: the folder of the nearest package.json (the same from src/ and dist/src/). */
export const PROJECT_ROOT = dirname(findPackageJson(__dirname));

const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** This build's version, from package.json. */
export const PACKAGE_VERSION = packageJson.version;

/** The Galileo API document version whose scorer family this build reproduces. */
export const GALILEO_API_VERSION = '1.1085.0';
