import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('typed Galileo client', () => {
  it('is generated from the vendored Galileo document (regenerate with the command below when it changes)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'galileo-client-')), 'galileo.d.ts');
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/openapi-typescript/bin/cli.js'),
        'test/contract/vendor/galileo-openapi.json',
        '--default-non-nullable',
        'false',
        '-o',
        out,
      ],
      { cwd: root, stdio: 'pipe' },
    );
    expect(readFileSync(join(root, 'test/clients/galileo.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
