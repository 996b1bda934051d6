import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../common/version';
import { generateOpenApiDocument } from './offline-document';

export const OPENAPI_FILE = join(PROJECT_ROOT, 'openapi.json');

export const serializeDocument = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/** `npm run openapi:export`: writes the generated document to openapi.json at the repository root. */
async function exportDocument(): Promise<void> {
  writeFileSync(OPENAPI_FILE, serializeDocument(await generateOpenApiDocument()));
  process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
}

if (require.main === module) {
  exportDocument().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
