// Runs every test tier in order (unit, db, e2e) and stops at the first failure.
import { spawnSync } from 'node:child_process';

const tiers = ['test:unit', 'test:db', 'test:e2e'];
for (const tier of tiers) {
  process.stdout.write(`\n=== npm run ${tier} ===\n`);
  const r = spawnSync('npm', ['run', tier], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`\n${tier} failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}
