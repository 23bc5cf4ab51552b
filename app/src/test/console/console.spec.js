// The operator console in a real browser, against the real main job on PostgreSQL: what an operator does
// at 3 a.m. Screenshots of every page go to app/target/console-artifacts/screenshots.
const { test, expect } = require('@playwright/test');
const path = require('path');

const TOKEN = process.env.MOLDTANK_TOKEN;
const CONTROL = process.env.CONTROL_URL;
const S = JSON.parse(process.env.SCENARIO || '{}');
const SHOTS = path.join(__dirname, '../../../target/console-artifacts/screenshots');

test.describe.configure({ mode: 'serial' });

async function signIn(page) {
  await page.goto('/console/sign-in');
  await page.fill('#token', TOKEN);
  await page.click('button[type=submit]');
  await expect(page).toHaveURL(/\/console\/needs-hands$/);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
}

async function bountyStatus(request, id) {
  const r = await request.get('/api/v1/bounties/' + id);
  return (await r.json()).status;
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => d.accept()); // the console asks before each action; the operator says yes
});

test('a wrong token cannot sign in', async ({ page, context }) => {
  await page.goto('/console/needs-hands');
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await page.fill('#token', TOKEN + 'x');
  await page.click('button[type=submit]');
  await expect(page.locator('#flash')).toContainText('wrong operator token');
  expect(await context.cookies()).toHaveLength(0);
  await shot(page, 'sign-in');
});

test('an operator retries a parked payout and sees it paid', async ({ page, context, request }) => {
  await signIn(page);
  const cookie = (await context.cookies()).find((c) => c.name === 'moldtank_console');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.secure).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  expect(cookie.expires).toBeGreaterThan(0);
  const row = page.locator(`tr[data-payout="${S.parkedPayout}"]`);
  await expect(row).toContainText('node unavailable');
  await shot(page, 'needs-hands');
  await row.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('#flash')).toContainText('retried');
  await expect.poll(() => bountyStatus(request, S.parkedBounty), { timeout: 30_000 }).toBe('PAID');
  await page.reload();
  await expect(page.locator(`tr[data-payout="${S.parkedPayout}"]`)).toHaveCount(0);
});

test('an operator requeues a dead letter and the judge decides it', async ({ page, request }) => {
  await signIn(page);
  const row = page.locator(`tr[data-submission="${S.deadLetter}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Requeue' }).click();
  await expect(page.locator('#flash')).toContainText('requeued');
  await expect.poll(() => bountyStatus(request, S.deadLetterBounty), { timeout: 30_000 }).toMatch(/AWARDED|PAID/);
  await page.reload();
  await expect(page.locator(`tr[data-submission="${S.deadLetter}"]`)).toHaveCount(0);
});

test('a live event arrives on the board without a reload', async ({ page, request }) => {
  await signIn(page);
  await page.goto('/console/board');
  await expect(page.locator('#live-state')).toHaveText('live');
  await page.evaluate(() => { window.__sameDocument = true; });
  const row = page.locator(`tr[data-bounty="${S.liveBounty}"]`);
  await expect(row.locator('td.depth')).toHaveText('0');
  const r = await request.post(CONTROL + '/submit?bounty=' + S.liveBounty);
  expect(r.ok()).toBe(true);
  await expect(row.locator('ul.events li.new')).toContainText(['SubmissionReceived']);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await shot(page, 'board');
});

test('a POST without the CSRF token is refused', async ({ page }) => {
  await signIn(page);
  const status = await page.evaluate(async () => {
    const r = await fetch('/console/reconciliation/runs', { method: 'POST', body: new URLSearchParams({}),
      redirect: 'manual' });
    return r.status;
  });
  expect(status).toBe(403);
  const forged = await page.evaluate(async () => {
    const r = await fetch('/console/reconciliation/runs', { method: 'POST',
      body: new URLSearchParams({ csrf: '0'.repeat(64) }), redirect: 'manual' });
    return r.status;
  });
  expect(forged).toBe(403);
});

test('markup in bounty titles renders as text', async ({ page }) => {
  await signIn(page);
  await page.goto('/console/board');
  const title = page.locator(`tr[data-bounty="${S.xssBounty}"] .title`);
  await expect(title).toHaveText(S.xssTitle);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
});

test('every page renders, with screenshots', async ({ page }) => {
  await signIn(page);
  for (const name of ['money', 'drafts', 'audit']) {
    await page.goto('/console/' + name);
    await expect(page.locator('h1')).toBeVisible();
    await shot(page, name);
  }
  await page.goto('/console/agents?q=' + S.solver);
  await expect(page.locator('#agent')).toContainText('ACTIVE');
  await shot(page, 'agents');
  await page.goto('/console/audit');
  await expect(page.locator('#audit')).toContainText('retry-payout');
  await expect(page.locator('#audit')).toContainText('requeue-dead-letter');
  await page.setViewportSize({ width: 390, height: 844 }); // a phone
  await page.goto('/console/needs-hands');
  await shot(page, 'needs-hands-phone');
  await page.getByRole('button', { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/console\/sign-in$/);
});
