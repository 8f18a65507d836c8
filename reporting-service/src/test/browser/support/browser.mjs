// One headless Chromium from npm (@sparticuz/chromium, driven by playwright-core; nothing downloaded at run time),
// and per page the checks every page must pass: no console errors, no failed or foreign requests (no CDN), no
// horizontal overflow, no serious or critical axe violations; a full-page screenshot per page and width, and one of
// the page's top for the README (target/dashboard-screenshots/docs, copied by `npm run accept-screenshots`).
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { BASE, SCREENSHOTS } from './platform.mjs';

// --single-process kills a second browser context; the security switches would hide what a real browser enforces.
const DROPPED = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];

export const WIDTHS = [{ name: '1280', width: 1280, height: 900 }, { name: '390', width: 390, height: 844 }];

export async function launch() {
  return playwright.launch({ executablePath: await chromium.executablePath(), headless: true,
    args: chromium.args.filter((arg) => !DROPPED.includes(arg)) });
}

/** A context at one width whose pages record what went wrong. */
export async function context(browser, size) {
  const ctx = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  ctx.problems = [];
  ctx.on('page', (page) => watch(page, ctx.problems));
  return ctx;
}

function watch(page, problems) {
  const origin = new URL(BASE).origin;
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`foreign request: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest()) problems.push(`${response.status()}: ${response.url()}`);
  });
}

/**
 * Checks a rendered page and saves its screenshot as <name>-<width>.png, and its top {@code docsHeight} CSS pixels as
 * docs/<name>-<width>.png.
 */
export async function checkPage(page, ctx, name, size, docsHeight = DOCS_HEIGHT) {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.querySelectorAll('[data-chart]').length === 0
    || [...document.querySelectorAll('[data-chart]')].every((el) => window.echarts && echarts.getInstanceByDom(el)));
  assert.deepEqual(ctx.problems, [], `${name} at ${size.name} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} at ${size.name} px is ${overflow} px wider than the window`);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(serious, [], `axe on ${name} at ${size.name} px`);
  mkdirSync(join(SCREENSHOTS, 'docs'), { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: true });
  // For docs/images: the top of the page only, so that a long ranking does not make a megabyte image.
  const height = Math.min(docsHeight, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: join(SCREENSHOTS, 'docs', `${name}-${size.name}.png`), fullPage: true,
    clip: { x: 0, y: 0, width: size.width, height } });
}

/** The height of the screenshots docs/images shows, in CSS pixels (about two screens). */
const DOCS_HEIGHT = 1800;
/** An account page down to its margin section at 1280 px (DMU map, who left, discount steps and concessions). */
export const ACCOUNT_DOCS_HEIGHT = 3200;

/** The ECharts option of the chart in element #id. */
export function chartOption(page, id) {
  return page.evaluate((elementId) => {
    const option = echarts.getInstanceByDom(document.getElementById(elementId)).getOption();
    return JSON.parse(JSON.stringify(option));
  }, id);
}

export const kpi = (page, name) => page.getAttribute(`[data-kpi="${name}"]`, 'data-value');
