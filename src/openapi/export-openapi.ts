import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { PROJECT_ROOT } from '../common/version';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi-document';

export const OPENAPI_FILE = join(PROJECT_ROOT, 'openapi.json');

export const serializeDocument = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/** `npm run openapi:export`: writes the generated document to openapi.json at the repository root. */
async function exportDocument(): Promise<void> {
  const app = await createApp(loadConfig({ SCOREKEEPER_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }));
  try {
    writeFileSync(OPENAPI_FILE, serializeDocument(buildOpenApiDocument(app)));
  } finally {
    await app.close();
  }
  process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
}

if (require.main === module) {
  exportDocument().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
