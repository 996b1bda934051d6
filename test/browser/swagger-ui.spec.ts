import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { galileoClient } from '../support/galileo-client';
import { type Tenant, createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const OPERATION = 'write_scorer_version_health_score_v2_scorers__scorer_id__versions__version_number__health_scores_post';

describe('Swagger UI', () => {
  let t: TestApp;
  let tenant: Tenant;
  let browser: Browser;
  let scorerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'browser');
    const client = galileoClient(t.baseUrl, tenant.galileoKey);
    scorerId = (await client.POST('/v2/scorers', { body: { name: 'Browser scorer', scorer_type: 'llm' } })).data!.id;
    await client.POST('/v2/scorers/{scorer_id}/version/preset', { params: { path: { scorer_id: scorerId } }, body: {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('authorizes with a Galileo-API-Key and runs "Try it out" on the health-score write', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2200 } });
    await page.goto(`${t.baseUrl}/docs`);

    await page
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    const apiKeySection = page.locator('.modal-ux .auth-container').filter({ hasText: 'APIKeyHeader' });
    await apiKeySection.locator('input').fill(tenant.apiKey);
    await apiKeySection.locator('button[type="submit"]').click();
    await page.locator('.modal-ux button.close-modal').click();

    const operation = page.locator(`[id$="${OPERATION}"]`).first();
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('input[placeholder="scorer_id"]').fill(scorerId);
    await operation.locator('input[placeholder="version_number"]').fill('1');
    const body = {
      dataset_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      health_score_type: 'accuracy',
      score: 0.93,
      secondary: { recall: 0.9 },
    };
    await operation.locator('textarea.body-param__text').fill(JSON.stringify(body));
    await operation.getByRole('button', { name: 'Execute' }).click();

    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    const responseBody = JSON.parse(
      await operation.locator('.live-responses-table .response-col_description pre.microlight').first().innerText(),
    );
    expect(responseBody).toMatchObject({
      scorer_version_number: 1,
      health_score_type: 'accuracy',
      score: 0.93,
      secondary: { recall: 0.9 },
    });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui-try-it-out.png'), fullPage: false });
    await page.close();
  });
});
