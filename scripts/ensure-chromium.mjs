// Makes sure Debian's Chromium is there for Playwright (it never downloads a browser).
// As root it installs the `chromium` package itself; otherwise it stops with the command to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing at ${path}. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${path}: installing Debian's chromium package…`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
