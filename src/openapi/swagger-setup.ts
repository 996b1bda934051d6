import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { docsDocument } from './docs-document';
import { buildOpenApiDocument } from './openapi-document';

/** A script of ours on the page (the Content-Security-Policy allows only same-origin scripts). */
const DOCS_SCRIPT_PATH = '/docs-assets/authorize-dialog.js';

/**
 * Swagger UI focuses the input of every HTTP scheme as it renders the Authorize dialog, so the last
 * one keeps the focus and the dialog opens scrolled to its bottom: this script brings each dialog that
 * opens back to its top, with the focus on its first input.
 */
const DIALOG_AT_TOP = `new MutationObserver(() => {
  for (const dialog of document.querySelectorAll('.modal-ux-content:not([data-opened])')) {
    dialog.setAttribute('data-opened', '');
    setTimeout(() => {
      dialog.querySelector('input')?.focus({ preventScroll: true });
      dialog.scrollTop = 0;
    }, 0);
  }
}).observe(document.body, { childList: true, subtree: true });
`;

/**
 * `/openapi.json` and `/openapi.yaml`: the document as generated (the vendors' tags and texts, what the
 * contract tests compare). `/docs`: Swagger UI on a copy arranged for reading (docs-document.ts).
 */
export function serveApiDocuments(app: INestApplication): void {
  app
    .getHttpAdapter()
    .get(DOCS_SCRIPT_PATH, (_request: unknown, reply: { type(value: string): { send(body: string): void } }) =>
      reply.type('text/javascript; charset=utf-8').send(DIALOG_AT_TOP),
    );
  SwaggerModule.setup('openapi', app, () => buildOpenApiDocument(app), {
    ui: false,
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  SwaggerModule.setup('docs', app, () => docsDocument(buildOpenApiDocument(app)), {
    raw: false,
    customSiteTitle: 'Scorekeeper API',
    customJs: DOCS_SCRIPT_PATH,
    swaggerOptions: { persistAuthorization: true, docExpansion: 'list', tryItOutEnabled: false },
  });
}
