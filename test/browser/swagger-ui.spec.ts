import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { DOCS_TAGS, OPERATION_GUIDE } from '../../src/openapi/operation-guide';
import { galileoClient } from '../support/galileo-client';
import { type Tenant, createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots kept for a person (and CI) to look at. */
const ARTIFACTS = join(__dirname, '..', 'artifacts', 'browser');
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

  async function openDocs(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${t.baseUrl}/docs`);
    await page.locator('.opblock').first().waitFor();
    return page;
  }
  const screenshot = async (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  };

  it('lists every operation once, grouped by resource, each with its sentence', async () => {
    const page = await openDocs();
    const sections = await page.locator('h3.opblock-tag').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-tag')));
    const used = new Set(Object.values(OPERATION_GUIDE).map((guide) => guide.tag));
    expect(sections).toEqual(DOCS_TAGS.map((tag) => tag.name).filter((name) => used.has(name)));
    const ids = await page.locator('.opblock').evaluateAll((blocks) => blocks.map((block) => block.id));
    expect(ids).toHaveLength(Object.keys(OPERATION_GUIDE).length);
    expect(new Set(ids).size).toBe(ids.length);

    const operation = page.locator(`[id$="${OPERATION}"]`).first();
    await operation.locator('.opblock-summary').click();
    const description = await operation.locator('.opblock-description-wrapper').first().innerText();
    expect(description).toContain(OPERATION_GUIDE[OPERATION].description);
    await screenshot(page, 'swagger-ui-resources');
    await page.close();
  });

  it('opens the Authorize dialog at its top, with its texts as written', async () => {
    const page = await openDocs();
    await page.mouse.wheel(0, 20_000);
    await page
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    const dialog = page.locator('.modal-ux-content');
    await dialog.locator('.auth-container').first().waitFor();
    await page.waitForTimeout(300);
    expect(await dialog.evaluate((element) => element.scrollTop)).toBe(0);
    const first = dialog.locator('.auth-container').first();
    expect(await first.innerText()).toContain('apiKeyOrJwt');
    const [dialogBox, firstBox] = [await dialog.boundingBox(), await first.boundingBox()];
    expect(firstBox!.y).toBeGreaterThanOrEqual(dialogBox!.y);
    expect(firstBox!.y).toBeLessThan(dialogBox!.y + dialogBox!.height);
    const text = await dialog.innerText();
    expect(text).toContain('Authorization: Bearer <API key or JWT>');
    expect(text).toContain('Galileo-API-Key: <API key>');
    expect(text).toContain('Authorization: Bearer <API key>');
    expect(text).not.toMatch(/Bearer \.|Bearer $/m);
    await screenshot(page, 'swagger-ui-authorize');
    await page.close();
  });

  it('authorizes both families with one API key entry and runs "Try it out" on each', async () => {
    const page = await openDocs();
    await page
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    const bearer = page.locator('.modal-ux .auth-container').filter({ hasText: 'apiKeyOrJwt' });
    await bearer.locator('input').fill(tenant.apiKey);
    await bearer.locator('button[type="submit"]').click();
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
    await screenshot(page, 'swagger-ui-try-it-out-galileo');

    const respan = page.locator('[id$="list_evaluators"]').first();
    await respan.locator('.opblock-summary').click();
    await respan.getByRole('button', { name: 'Try it out' }).click();
    await respan.getByRole('button', { name: 'Execute' }).click();
    const respanStatus = respan.locator('.live-responses-table .response .response-col_status').first();
    await respanStatus.waitFor();
    expect((await respanStatus.innerText()).trim()).toBe('200');
    const evaluators = JSON.parse(
      await respan.locator('.live-responses-table .response-col_description pre.microlight').first().innerText(),
    );
    expect(evaluators.results.map((evaluator: { id: string }) => evaluator.id)).toContain(scorerId);
    await screenshot(page, 'swagger-ui-try-it-out-respan');
    await page.close();
  });
});
