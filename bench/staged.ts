/**
 * `migsafe lint --staged` in a repository with 500 migrations and one staged file (target
 * ≤ 0.5 s wall). Builds a real git repository from the seeded SQL corpus: 500 migrations
 * committed and tagged as a release, one new migration staged.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.js';
import { spawnRepeated } from './measure.js';

export interface StagedResult {
  corpus: Corpus;
  repo: string;
  median: number;
  min: number;
  findings: number;
}

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

export async function benchStaged(sql: Corpus, root: string, bin: string, runs = 7): Promise<StagedResult> {
  const repo = join(root, 'bench', '.corpus', 'staged-repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(join(repo, 'db', 'migrations'), { recursive: true });
  const files = sql.files.slice(0, 500);
  let bytes = 0;
  files.forEach((f, i) => {
    const target = join(repo, 'db', 'migrations', `${String(i + 1).padStart(4, '0')}_${f.replace(/^.*\//, '')}`);
    cpSync(join(sql.dir, f), target);
    bytes += readFileSync(target).length;
  });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'bench@migsafe.local');
  git(repo, 'config', 'user.name', 'bench');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', '500 migrations');
  git(repo, 'tag', 'v1');
  writeFileSync(join(repo, 'db', 'migrations', '0501_drop_legacy.sql'), "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN legacy;\n");
  git(repo, 'add', 'db/migrations/0501_drop_legacy.sql');
  const r = await spawnRepeated(process.execPath, [bin, 'lint', 'db/migrations', '--staged', '--format', 'json'], runs, {
    cwd: repo, warmup: 1, check: (x) => (x.code === 0 || x.code === 1 ? null : `exit ${x.code}`),
  });
  let findings = 0;
  const out = spawnSync(process.execPath, [bin, 'lint', 'db/migrations', '--staged', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
  try {
    findings = JSON.parse(out.stdout).findings.length;
  } catch {
    /* reported as 0 */
  }
  return {
    corpus: { ...sql, name: 'staged', dir: repo, files: files, bytes, units: files.length, unitName: 'committed migrations' },
    repo, median: r.stats.median, min: r.stats.min, findings,
  };
}
