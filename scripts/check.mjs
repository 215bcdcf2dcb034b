// Runs every check the project has (types, lint, unit + transcript tests, e2e in Chromium)
// and closes with one plain line, "N passed, N failed", counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
for (const f of ['reports/unit.json', 'reports/e2e.json']) rmSync(f, { force: true });
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit and transcript tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']],
  ['e2e tests', 'npm', ['run', '--silent', 'test:e2e']],
];

let passed = 0;
let failed = 0;
let broken = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n── ${name} ──`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (run.status !== 0) broken.push(name);
}

if (existsSync('reports/unit.json')) {
  const unit = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
}
if (existsSync('reports/e2e.json')) {
  const e2e = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
}
if (broken.length) console.log(`\nFailed steps: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken.length || failed || passed === 0 ? 1 : 0);
