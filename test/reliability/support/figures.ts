import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, SEED } from './budget';

export const FIGURES_DIR = join(__dirname, '..', '..', 'artifacts', 'reliability');

export type Figures = Record<string, string | number | boolean | Record<string, number>>;

/** Adds figures of one test to `test/artifacts/reliability/<suite>.json` (docs/reliability.md quotes them). */
export function recordFigures(suite: string, test: string, figures: Figures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `${suite}.json`);
  let existing: Record<string, unknown>;
  try {
    existing = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    existing = {};
  }
  existing[test] = { ...figures, mode: LONG ? 'long' : 'bounded', seed: SEED, at: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
}

/** Keeps a server's output for a failure's post-mortem (`test/artifacts/reliability/<name>.log`). */
export function saveOutput(name: string, output: string): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${name}.log`), output);
}

/** Every recorded figure, one line per test. */
export function figuresReport(): string {
  let files: string[];
  try {
    files = readdirSync(FIGURES_DIR).filter((name) => name.endsWith('.json'));
  } catch {
    return '';
  }
  const lines: string[] = [];
  for (const file of files.sort()) {
    const suite = JSON.parse(readFileSync(join(FIGURES_DIR, file), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [test, figures] of Object.entries(suite)) {
      const { at: _at, ...shown } = figures;
      lines.push(`${file.replace(/\.json$/, '')} › ${test}: ${JSON.stringify(shown)}`);
    }
  }
  return lines.join('\n');
}
