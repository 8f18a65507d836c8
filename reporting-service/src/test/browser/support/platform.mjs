// The running platform the Maven IT started (LocalPlatform): its dashboard URL, the printed sign-in link, bearer
// tokens for reading the same figures from the API, and sign-in tickets minted like the launcher's (node:crypto).
import { createPrivateKey, createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through DashboardBrowserIT: ./mvnw verify)`);
  return value;
}

export const BASE = required('KAM_DASHBOARD_URL');
export const PRINTED_LINK = required('KAM_DASHBOARD_LINK');
export const SCREENSHOTS = required('SCREENSHOT_DIR');
const READER_TOKEN = required('KAM_READER_TOKEN');
const HOME = required('KAM_HOME');

/** GET an API report as kam-reader, as JSON. */
export async function api(path) {
  const response = await fetch(BASE + path, { headers: { Authorization: `Bearer ${READER_TOKEN}` } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A sign-in ticket as TokenMinter.mintSignInTicket makes it (same key, issuer, audience and claims). */
export function ticket(roles, lifetimeSeconds = 900) {
  const key = createPrivateKey(readFileSync(join(HOME, 'keys', 'privateKey.pem')));
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://kam-platform.local', sub: 'browser-test', upn: 'browser-test', iat: now,
    exp: now + lifetimeSeconds, jti: randomUUID(), aud: 'kam-dashboard-sign-in', dashboard_roles: roles };
  const signingInput = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

export const signInLink = (roles) => `${BASE}/sign-in/local?ticket=${ticket(roles)}`;

/** YYYY-MM-DD of today plus days, UTC. */
export function day(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}
