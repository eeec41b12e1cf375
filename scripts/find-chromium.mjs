// Finds a Chromium to test with, or stops with a message that says how to install one.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  fail('No Chromium found (looked in ' + CANDIDATES.join(', ') + ').');
}

function fail(reason) {
  console.error(
    `\n${reason}\nThe tests run in Debian's Chromium. Install it with:\n\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\n` +
      `or point CHROME_PATH at a Chromium or Chrome binary.\n`,
  );
  process.exit(1);
}
