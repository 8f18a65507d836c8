// Copies every screenshot the last browser test run saved for the docs (target/dashboard-screenshots/docs: each
// page's top at 1280 and 390 px) into docs/images as dashboard-<page>-<width>.png, and drops committed ones no page
// makes any more. Run by hand after a visible change (npm run accept-screenshots); the build never writes the work tree.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const FROM = new URL('../../../../target/dashboard-screenshots/docs/', import.meta.url).pathname;
const TO = new URL('../../../../../docs/images/', import.meta.url).pathname;

if (!existsSync(FROM)) throw new Error(`${FROM} is missing: run ./mvnw -B verify -pl reporting-service -am first`);
const shots = readdirSync(FROM).filter((f) => f.endsWith('.png')).sort();
if (shots.length === 0) throw new Error(`no screenshot in ${FROM}`);
const names = new Set(shots.map((f) => `dashboard-${f}`));
for (const old of readdirSync(TO).filter((f) => f.startsWith('dashboard-') && f.endsWith('.png') && !names.has(f))) {
  rmSync(join(TO, old));
  console.log(`removed docs/images/${old}`);
}
for (const shot of shots) {
  copyFileSync(join(FROM, shot), join(TO, `dashboard-${shot}`));
  console.log(`docs/images/dashboard-${shot}`);
}
