// The dashboard in a real browser against the platform with the demo loaded: sign-in and its 401/403 paths, every
// page at 1280 and 390 px (see support/browser.mjs for what every page must pass), the figures against the API at
// the same asOf, and the demo's stories one or two clicks away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PRINTED_LINK, api, day, signInLink } from '../support/platform.mjs';
import { ACCOUNT_DOCS_HEIGHT, WIDTHS, chartOption, checkPage, context, kpi, launch } from '../support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(size) {
  const ctx = await context(browser, size);
  const page = await ctx.newPage();
  await page.goto(signInLink(['kam-reader']));
  assert.equal(page.url(), `${BASE}/`);
  return { ctx, page };
}

test('the printed link signs in once, into an HttpOnly SameSite=Lax cookie, and sign-out ends the session', async () => {
  const ctx = await context(browser, WIDTHS[0]);
  const page = await ctx.newPage();
  await page.goto(`${BASE}/margin-pressure`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.goto(PRINTED_LINK);
  assert.equal(page.url(), `${BASE}/`, 'no ticket left in the address bar');
  const [cookie] = (await ctx.cookies()).filter((c) => c.name === 'kam-session');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(await page.evaluate(() => document.cookie.includes('kam-session')), false);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${BASE}/sign-in`);
  await page.goto(`${BASE}/`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await ctx.close();

  const other = await context(browser, WIDTHS[0]);
  const again = await other.newPage();
  const reused = await again.goto(PRINTED_LINK);
  assert.equal(reused.status(), 401, 'a used link is refused');
  assert.match(await again.textContent('main'), /already used/);
  const writer = await again.goto(signInLink(['crm-writer']));
  assert.equal(writer.status(), 403, 'signed in without kam-reader');
  assert.match(await again.textContent('main'), /kam-reader/);
  await other.close();
});

for (const size of WIDTHS) {
  test(`portfolio at ${size.name} px: the API's figures, the Pareto curve, NORDWIND major, bands, by account`, async () => {
    const { ctx, page } = await signedIn(size);
    const risk = await api('/api/reports/portfolio/dependency-risk');
    const health = await api('/api/reports/portfolio/health?view=summary');
    await checkPage(page, ctx, 'portfolio', size);
    for (const figure of ['totalRevenue', 'hhi', 'effectiveCustomers', 'customerCount', 'n80']) {
      assert.equal(Number(await kpi(page, figure)), Number(risk[figure]), figure);
    }
    assert.equal(await kpi(page, 'kamJustified'), String(risk.kamJustified));
    assert.equal(Number(await kpi(page, 'keyAccounts')), health.accounts);
    for (const [band, count] of Object.entries(health.bands)) {
      assert.equal(Number(await page.getAttribute(`.bands [data-band="${band}"]`, 'data-count')), count, band);
    }
    const nordwind = risk.customers.find((c) => c.customerId === 'NORDWIND');
    assert.ok(nordwind.major && nordwind.sharePct >= 10, 'the demo story: NORDWIND is a major customer');
    assert.equal(Number(await page.getAttribute('[data-major="NORDWIND"]', 'data-share')), nordwind.sharePct);
    const pareto = await chartOption(page, 'pareto');
    assert.equal(pareto.series[0].data.length, Math.min(risk.customerCount, 500), 'one point per customer, at most 500');
    assert.ok(pareto.series[0].markLine.data.some((line) => line.yAxis === 80), 'the 80% reference line');
    assert.ok(pareto.series[0].markPoint.data.some((point) => point.name === 'NORDWIND'), 'NORDWIND marked');

    await page.click('[data-by="account"]');
    await page.waitForURL(/by=account/);
    const byAccount = await api('/api/reports/portfolio/dependency-risk?by=account&view=summary');
    assert.equal(Number(await kpi(page, 'customerCount')), byAccount.customerCount);
    await ctx.close();
  });
}

test('the asOf picker re-renders the figures as of that date, and every link keeps it', async () => {
  const { ctx, page } = await signedIn(WIDTHS[0]);
  const today = Number(await kpi(page, 'totalRevenue'));
  const past = day(-120);
  await page.fill('#asOf', past);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(new RegExp(`asOf=${past}`));
  const then = await api(`/api/reports/portfolio/dependency-risk?view=summary&asOf=${past}`);
  assert.equal(Number(await kpi(page, 'totalRevenue')), Number(then.totalRevenue));
  assert.notEqual(Number(then.totalRevenue), today, 'the demo earned differently 120 days ago');
  assert.equal(await page.getAttribute('nav a[href^="/margin-pressure"]', 'href'), `/margin-pressure?asOf=${past}`);
  const future = await page.goto(`${BASE}/?asOf=${day(1)}`);
  assert.equal(future.status(), 400);
  assert.match(await page.textContent('main'), /asOf/);
  await ctx.close();
});

for (const size of WIDTHS) {
  test(`what if, margin pressure, neglected potential and managers at ${size.name} px tell the demo's stories`, async () => {
    const { ctx, page } = await signedIn(size);

    await page.goto(`${BASE}/what-if?leaving=NORDWIND-DE`);
    await checkPage(page, ctx, 'what-if', size);
    const stress = await api('/api/reports/portfolio/dependency-risk/stress-test?leaving=NORDWIND-DE&view=summary');
    assert.equal(Number(await page.getAttribute('[data-hhi-before]', 'data-hhi-before')), stress.before.hhi);
    assert.equal(Number(await page.getAttribute('[data-hhi-after]', 'data-hhi-after')), stress.after.hhi);
    assert.equal((await chartOption(page, 'stress')).series.length, 2, 'before and after');

    await page.goto(`${BASE}/margin-pressure`);
    await checkPage(page, ctx, 'margin-pressure', size);
    assert.equal(await page.getAttribute('#pressure tbody tr:first-child', 'data-account'), 'VOLTA-RETAIL');
    assert.match(await page.textContent('#pressure tbody tr:first-child .flags'), /STATUS_ABUSE/);
    await page.selectOption('#flag', 'STATUS_ABUSE');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/flag=STATUS_ABUSE/);
    await page.click('#pressure tbody tr:first-child a');
    await page.waitForURL(/\/accounts\/VOLTA-RETAIL/);
    await checkPage(page, ctx, 'account-pressure', size, ACCOUNT_DOCS_HEIGHT);
    // Each concession beside the total: those in the 12-month window add up to it; each contract's discount steps.
    const margin = await api('/api/reports/accounts/VOLTA-RETAIL/margin-pressure');
    const counted = await page.$$eval('tr[data-concession][data-in-total="true"]',
      (rows) => rows.map((r) => Number(r.getAttribute('data-amount'))));
    assert.equal(counted.length, margin.concessionEventIds.length, 'one row per concession in the total');
    assert.ok(counted.length > 0, 'the demo story: VOLTA-RETAIL was granted concessions');
    assert.equal(counted.reduce((a, b) => a + b, 0).toFixed(2), Number(margin.concessions).toFixed(2));
    for (const contractId of new Set(margin.discountChanges.map((d) => d.contractId))) {
      const steps = await page.$$(`.contract[data-contract="${contractId}"] table.steps tbody tr`);
      assert.equal(steps.length, margin.discountChanges.filter((d) => d.contractId === contractId).length, contractId);
    }

    await page.goto(`${BASE}/neglected-potential`);
    await checkPage(page, ctx, 'neglected-potential', size);
    assert.ok(await page.$('#neglected tr[data-account="BRIGHTWAVE-LABS"]'), 'BRIGHTWAVE-LABS is listed');

    await page.goto(`${BASE}/managers`);
    await checkPage(page, ctx, 'managers', size);
    assert.ok(await page.$('[data-alert="DISINTEGRATING"][data-account="ALPINA-FOODS"]'), 'ALPINA-FOODS disintegrating');
    // Filters by stage, then band, in the URL: the view can be bookmarked and comes back the same.
    await page.selectOption('#stage', 'DISINTEGRATING');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/stage=DISINTEGRATING/);
    const stages = await page.$$eval('tr[data-stage]', (rows) => rows.map((r) => r.getAttribute('data-stage')));
    assert.ok(stages.length > 0 && stages.every((stage) => stage === 'DISINTEGRATING'), `stages shown: ${stages}`);
    await page.click('[data-manager] .bands [data-band="RED"] a');
    await page.waitForURL(/band=RED/);
    const bookmark = page.url();
    assert.match(bookmark, /stage=DISINTEGRATING/, 'the band link keeps the stage');
    await page.goto(bookmark);
    await checkPage(page, ctx, 'managers-filtered', size);
    assert.ok(await page.$('tr[data-account="ALPINA-FOODS"][data-band="RED"][data-stage="DISINTEGRATING"]'));
    assert.equal(await page.$('tr[data-account]:not([data-band="RED"])'), null, 'only RED key accounts');
    assert.equal(await page.inputValue('#band'), 'RED');
    assert.equal(await page.inputValue('#stage'), 'DISINTEGRATING');
    await ctx.close();
  });

  test(`accounts at ${size.name} px: ALPINA-FOODS red and disintegrating, HELIX-PHARMA green and integrated`, async () => {
    const { ctx, page } = await signedIn(size);
    await page.goto(`${BASE}/accounts/ALPINA-FOODS`);
    await checkPage(page, ctx, 'account', size, ACCOUNT_DOCS_HEIGHT);
    const health = await api('/api/reports/accounts/ALPINA-FOODS/health');
    assert.equal(health.health.band, 'RED');
    assert.equal(await page.getAttribute('.score [data-band]', 'data-band'), 'RED');
    assert.match(await page.textContent('.score'), /RED/);
    assert.equal(await page.getAttribute('[data-stage]', 'data-stage'), 'DISINTEGRATING');
    assert.ok((await page.$$('.stage + .reasons li')).length > 0, 'the stage has its reasons');
    assert.equal((await chartOption(page, 'sparkline')).series[0].data.length, 12);
    assert.equal((await chartOption(page, 'factors')).series[0].data.length, health.health.factors.length);
    assert.equal(health.health.factors.length, 5);
    assert.match(await page.textContent('tr[data-role="SPONSOR"]'), /uncovered/);
    // Who left: the sponsor, as the DMU report says.
    const dmu = await api('/api/reports/accounts/ALPINA-FOODS/dmu');
    assert.ok(dmu.formerContacts.some((c) => c.roles.includes('SPONSOR')), 'the demo story: the sponsor left');
    const former = await page.$$eval('#former tr[data-former]', (rows) => rows.map((r) => r.getAttribute('data-former')));
    assert.deepEqual(former, dmu.formerContacts.map((c) => c.contactId));
    assert.match(await page.textContent('#former'), /SPONSOR/);
    assert.ok(await page.getByRole('heading', { name: 'Who left' }).isVisible());
    assert.equal((await chartOption(page, 'margin')).xAxis[0].data.length, 4, 'four quarters');
    await page.click('a[rel="next"]');
    await page.waitForURL(/offset=25/);

    await page.goto(`${BASE}/accounts/HELIX-PHARMA`);
    await checkPage(page, ctx, 'account-healthy', size, ACCOUNT_DOCS_HEIGHT);
    assert.equal(await page.getAttribute('.score [data-band]', 'data-band'), 'GREEN');
    assert.match(await page.textContent('.score'), /GREEN/);
    assert.equal(await page.getAttribute('[data-stage]', 'data-stage'), 'INTEGRATED');
    await ctx.close();
  });
}

for (const size of WIDTHS) {
  test(`account plans at ${size.name} px: HELIX-PHARMA on track, ALPINA-FOODS missed, overdue and due a review`, async () => {
    const { ctx, page } = await signedIn(size);
    await page.goto(`${BASE}/accounts/ALPINA-FOODS`);
    assert.equal(await page.getAttribute('#plan-summary [data-plan]', 'data-review-due'), 'true');
    await page.getByRole('link', { name: 'The plan in full' }).click();
    await page.waitForURL(/\/accounts\/ALPINA-FOODS\/plan/);
    await checkPage(page, ctx, 'account-plan', size);
    const alpina = (await api('/api/reports/accounts/ALPINA-FOODS/plan')).current;
    const statuses = await page.$$eval('#objectives tr[data-objective]', (rows) => rows.map((r) => r.getAttribute('data-status')));
    assert.deepEqual(statuses, alpina.objectives.map((o) => o.status));
    assert.equal(statuses.filter((s) => s === 'MISSED').length, 2, 'the demo story: two objectives missed');
    const overdue = await page.$$eval('tr[data-overdue-action]', (rows) => rows.map((r) => r.getAttribute('data-overdue-action')));
    assert.deepEqual(overdue, alpina.overdueActions.map((a) => a.actionId));
    assert.ok(overdue.length > 0, 'the demo story: an overdue action');
    assert.equal(await kpi(page, 'reviewDue'), 'true');
    assert.equal(Number(await kpi(page, 'daysSinceReview')), alpina.daysSinceReview);
    assert.ok(alpina.daysSinceReview > 90);
    assert.equal(Number(await kpi(page, 'pctOfProRata')), Number(alpina.revenue.pctOfProRata));

    await page.goto(`${BASE}/accounts/HELIX-PHARMA/plan`);
    await checkPage(page, ctx, 'account-plan-healthy', size);
    const helix = (await api('/api/reports/accounts/HELIX-PHARMA/plan')).current;
    const helixStatuses = await page.$$eval('#objectives tr[data-objective]', (rows) => rows.map((r) => r.getAttribute('data-status')));
    assert.deepEqual(helixStatuses, helix.objectives.map((o) => o.status));
    assert.ok(helixStatuses.every((s) => ['ON_TRACK', 'ACHIEVED'].includes(s)), `the demo story: on track (${helixStatuses})`);
    assert.equal(await kpi(page, 'reviewDue'), 'false');
    assert.equal(await page.$('tr[data-overdue-action]'), null, 'nothing overdue');

    await page.getByRole('link', { name: 'Account plans' }).click();
    await page.waitForURL(/\/plans/);
    await checkPage(page, ctx, 'plans', size);
    const coverage = await api('/api/reports/portfolio/plans?limit=100');
    for (const figure of ['keyAccounts', 'withCurrentPlan', 'withoutPlanCount', 'reviewDueCount']) {
      assert.equal(Number(await kpi(page, figure)), coverage[figure], figure);
    }
    const due = await page.$$eval('#review-due tr[data-account]', (rows) => rows.map((r) => r.getAttribute('data-account')));
    assert.deepEqual(due, coverage.reviewDue.map((a) => a.accountId));
    assert.ok(due.includes('ALPINA-FOODS') && !due.includes('HELIX-PHARMA'), `review due: ${due}`);
    const without = await page.$$eval('#without-plan tr[data-account]', (rows) => rows.map((r) => r.getAttribute('data-account')));
    assert.deepEqual(without, coverage.withoutPlan.map((a) => a.accountId));
    const managers = await page.$$eval('#overdue-by-manager tr[data-manager]',
      (rows) => rows.map((r) => [r.getAttribute('data-manager'), Number(r.getAttribute('data-overdue'))]));
    assert.deepEqual(managers, coverage.overdueActionsByManager.map((m) => [m.managerId ?? '', m.overdueActions]));
    await page.click('#review-due tr[data-account="ALPINA-FOODS"] a');
    await page.waitForURL(/\/accounts\/ALPINA-FOODS\/plan/);
    await ctx.close();
  });

  test(`health models at ${size.name} px: the form compares kam-health-1 with kam-health-2 as the API does`, async () => {
    const { ctx, page } = await signedIn(size);
    await page.getByRole('link', { name: 'Health models' }).click();
    await page.waitForURL(/\/health-models/);
    assert.ok(await page.$('#pick-candidate'), 'no candidate yet: the models and the form');
    await page.selectOption('#candidate', 'kam-health-2');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/candidate=kam-health-2/);
    await checkPage(page, ctx, 'health-models', size);
    const api2 = await api('/api/reports/portfolio/health/compare?base=kam-health-1&candidate=kam-health-2&limit=100');
    for (const figure of ['accounts', 'bandChanged', 'better', 'worse', 'lostBand', 'gainedBand']) {
      assert.equal(Number(await kpi(page, figure)), api2.summary[figure], figure);
    }
    const transitions = Object.fromEntries(await page.$$eval('#transitions [data-transition]',
      (items) => items.map((i) => [i.getAttribute('data-transition'), Number(i.getAttribute('data-count'))])));
    assert.deepEqual(transitions, api2.summary.transitions);
    const rows = await page.$$eval('#compared tr[data-account]',
      (trs) => trs.map((r) => [r.getAttribute('data-account'), r.getAttribute('data-change')]));
    assert.deepEqual(rows, api2.accounts.map((a) => [a.accountId, a.change]));
    assert.match(await page.textContent('[data-shown="compare"]'), new RegExp(`of ${api2.page.total}`));
    const bad = await page.goto(`${BASE}/health-models?candidate=kam-health-0`);
    assert.equal(bad.status(), 400);
    assert.match(await page.textContent('main'), /candidate/);
    await ctx.close();
  });
}

test('keyboard: skip link, then the asOf picker, then the pages; Enter follows a link and sends the filters', async () => {
  const { ctx, page } = await signedIn(WIDTHS[0]);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'asOf');
  await page.focus('nav a[href^="/managers"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/managers/);
  // The filters in tab order: band, stage, then the Filter button; Enter on it applies them.
  await page.focus('#band');
  await page.selectOption('#band', 'RED');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stage');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Filter');
  await page.keyboard.press('Enter');
  await page.waitForURL(/band=RED/);
  await ctx.close();
});
