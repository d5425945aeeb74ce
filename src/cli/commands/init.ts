/**
 * `migsafe init`: detect the migration layout and write a commented migsafe.config.json; on
 * request also the pre-commit hook and a CI workflow. Never overwrites without --force (and
 * then writes nothing until every target is known to be writable), and prints what it wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { CONFIG_NAMES } from '../../config/load.js';
import { detectLayout } from '../../init/detect.js';
import { configText, githubWorkflow, gitlabTemplate, migrationDirs, preCommitEntry, preCommitFile } from '../../init/templates.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandIO } from '../io.js';

export interface InitFlags {
  force?: boolean;
  preCommit?: boolean;
  /** true (auto), "github" or "gitlab". */
  ci?: boolean | string;
}

interface Plan {
  path: string;
  content: string;
  /** 'create' a new file, 'overwrite' with --force, 'append' to an existing file. */
  action: 'create' | 'overwrite' | 'append';
}

/** Can the hook entry be appended to this .pre-commit-config.yaml (is `repos:` its last top-level key)? */
export function canAppendRepos(yaml: string): boolean {
  const lines = yaml.split(/\r?\n/);
  const top = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^[^\s#-][^:]*:/.test(l));
  const last = top[top.length - 1];
  return !!last && /^repos:\s*(#.*)?$/.test(last.l);
}

export function initCommand(flags: InitFlags, io: CommandIO): number {
  const root = io.cwd;
  const ci = flags.ci === undefined || flags.ci === false ? null : flags.ci === true ? (existsSync(join(root, '.gitlab-ci.yml')) ? 'gitlab' : 'github') : flags.ci;
  if (ci !== null && ci !== 'github' && ci !== 'gitlab') throw new UsageError(`--ci must be "github" or "gitlab", not "${ci}"`);

  const layout = detectLayout(root);
  const plans: Plan[] = [];
  const notes: string[] = [];
  const blocked: string[] = [];
  const target = (path: string, content: string) => {
    if (existsSync(join(root, path))) {
      if (!flags.force) blocked.push(path);
      plans.push({ path, content, action: 'overwrite' });
    } else plans.push({ path, content, action: 'create' });
  };

  const existingConfig = CONFIG_NAMES.find((n) => existsSync(join(root, n)));
  if (existingConfig && existingConfig !== 'migsafe.config.json' && !flags.force) blocked.push(existingConfig);
  target('migsafe.config.json', configText(layout));

  if (flags.preCommit) {
    const p = '.pre-commit-config.yaml';
    const abs = join(root, p);
    if (!existsSync(abs)) plans.push({ path: p, content: preCommitFile(layout), action: 'create' });
    else {
      const text = readFileSync(abs, 'utf8');
      if (/\bid:\s*migsafe\b/.test(text)) notes.push(`${p} already has a migsafe hook; left as it is`);
      else if (canAppendRepos(text)) plans.push({ path: p, content: (text.endsWith('\n') ? text : text + '\n') + preCommitEntry(layout), action: 'append' });
      else notes.push(`${p} exists and its repos: list is not the last key, so it was not changed; add this under repos:\n${preCommitEntry(layout)}`);
    }
  }

  if (ci === 'github') target('.github/workflows/migsafe.yml', githubWorkflow(layout));
  if (ci === 'gitlab') {
    const dirs = migrationDirs(layout);
    target('.gitlab/migsafe.gitlab-ci.yml', gitlabTemplate({ paths: dirs.length ? dirs.join(' ') : '.' }));
    const main = join(root, '.gitlab-ci.yml');
    if (!existsSync(main)) plans.push({ path: '.gitlab-ci.yml', content: 'include:\n  - local: .gitlab/migsafe.gitlab-ci.yml\n', action: 'create' });
    else if (!/migsafe/.test(readFileSync(main, 'utf8'))) notes.push('add the job to .gitlab-ci.yml:\n  include:\n    - local: .gitlab/migsafe.gitlab-ci.yml');
  }

  if (blocked.length) {
    throw new UsageError(`${blocked.join(', ')} already exist${blocked.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite)`);
  }

  const out: string[] = ['Detected:'];
  for (const s of layout.sql) out.push(`  SQL      ${s.dir}/ (${s.sqlFiles} .sql file${s.sqlFiles === 1 ? '' : 's'}${s.runner ? `, ${s.runner}` : ''})`);
  for (const a of layout.alembic) out.push(`  Alembic  ${a.ini} → script_location ${a.scriptLocation || '(none)'}${a.versions.length ? `, revisions in ${a.versions.join(', ')}/` : ''}${a.problem ? ` (${a.problem})` : ''}`);
  if (!layout.sql.length && !layout.alembic.length) out.push('  no alembic.ini and no known SQL migration folder; edit "include" in migsafe.config.json');
  for (const p of plans) writeFileAtomic(join(root, p.path), p.content, p.path);
  out.push('', ...plans.map((p) => `${p.action === 'create' ? 'Wrote' : p.action === 'append' ? 'Added the migsafe hook to' : 'Overwrote'} ${p.path}`));
  if (notes.length) out.push('', ...notes.map((n) => `Note: ${n}`));
  out.push('', 'Next: run `migsafe lint` to lint every migration, or `migsafe lint --base origin/main` for what a branch changes.');
  io.out(out.join('\n') + '\n');
  return 0;
}
