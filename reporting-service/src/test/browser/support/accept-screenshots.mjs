// Copies the screenshots the last browser test run saved (target/dashboard-screenshots) that the README shows into
// docs/images. Run by hand after a visible change (npm run accept-screenshots); the build never writes the work tree.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const FROM = new URL('../../../../target/dashboard-screenshots/', import.meta.url).pathname;
const TO = new URL('../../../../../docs/images/', import.meta.url).pathname;
const SHOWN = ['portfolio-1280', 'portfolio-390', 'what-if-1280', 'account-1280'];

for (const name of SHOWN) {
  const source = join(FROM, `${name}.png`);
  if (!existsSync(source)) throw new Error(`${source} is missing: run ./mvnw -B verify -pl reporting-service -am first`);
  copyFileSync(source, join(TO, `dashboard-${name}.png`));
  console.log(`docs/images/dashboard-${name}.png`);
}
