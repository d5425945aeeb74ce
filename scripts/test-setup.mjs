#!/usr/bin/env node
// Test prerequisites, run by `npm test` (pretest). Installs real Alembic from Debian when it is
// missing and we are allowed to (root with apt-get); otherwise says what the skipped tests need.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['alembic', 'python3-alembic', 'python3-psycopg2'];
const have = () =>
  existsSync('/usr/bin/alembic') &&
  spawnSync('/usr/bin/python3', ['-c', 'import alembic, psycopg2'], { stdio: 'ignore' }).status === 0;

if (have()) {
  console.log('test-setup: alembic, python3-alembic and python3-psycopg2 present');
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.MIGSAFE_NO_APT) {
  console.log(`test-setup: installing ${PACKAGES.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]) || !have()) {
    console.log('test-setup: could not install Alembic; tests that need real Alembic will be skipped');
  }
} else {
  console.log(`test-setup: Alembic missing (apt-get install ${PACKAGES.join(' ')}); tests that need it will be skipped`);
}

const pg = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
console.log(pg.status === 0 ? `test-setup: PostgreSQL binaries in ${pg.stdout.trim()}` : 'test-setup: pg_config not found; gate tests will be skipped');
