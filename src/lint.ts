/**
 * lint(): the pure core of `migsafe lint`. Tests call it directly; the CLI only wires it up.
 * paths → files → front ends → Migration → engine → Finding[]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from './config/schema.js';
import type { ActiveRule } from './engine/lint-migration.js';
import { applySuppressionsToFile } from './engine/lint-migration.js';
import type { ChangesetOptions } from './release/changeset.js';
import type { Finding } from './engine/finding.js';
import type { Migration, SessionPreset } from './model/migration.js';
import { loadSqlParser } from './sources/sql/index.js';
import { discoverSql, toPosix, type FileProblem } from './sources/files.js';
import { activeRulesFrom, engineOptions, lintFile, type FileJob, type FileOutcome } from './lint-file.js';
import { historyDirOf } from './release/versions.js';
import { lintFiles } from './parallel/lint-files.js';
import { UsageError } from './errors.js';
import { loadPythonParser } from './sources/alembic/index.js';
import { discoverAlembic, envTimeouts, owningProject } from './sources/alembic/project.js';
import { buildGraph, type GraphInput } from './sources/alembic/graph.js';
import { graphFindings, graphInputFromText, readGraphInput } from './sources/alembic/graphs.js';
import { applyOrder, type RevisionOf } from './release/apply-order.js';
import { suppressProvenSetNotNull } from './engine/earlier-checks.js';

export interface LintOptions {
  paths: string[];
  cwd: string;
  config: ResolvedConfig;
  /** Git-aware mode: lint what a branch or the index changes, with cross-release rules. */
  changeset?: ChangesetOptions;
  /** Threads for parsing and per-file rules, the main one included (default: by core and file count). */
  threads?: number;
}

export interface LintResult {
  migrations: Migration[];
  /** Every finding, suppressed ones included (check `suppressed`). Sorted by file and position. */
  findings: Finding[];
  /** Paths and files that could not be linted at all (missing, binary, not UTF-8). */
  fileProblems: FileProblem[];
  /** Non-fatal notes for the user (empty files). */
  notes: string[];
  /** Notes shown only with --verbose (Python files that are not Alembic revisions). */
  verboseNotes?: string[];
}

export function activeRules(config: ResolvedConfig): Map<string, ActiveRule> {
  return activeRulesFrom(config.rules);
}

export async function lint(opts: LintOptions): Promise<LintResult> {
  await loadSqlParser();
  const { config, cwd } = opts;
  const paths = opts.paths.length ? opts.paths : ['.'];
  const sqlFound = discoverSql(paths, cwd, config.root, config.include, config.exclude);
  // Git-aware mode: a revision file given on its own brings its project (graph, history) as context.
  const projectFor = new Map<string, string>();
  if (opts.changeset) {
    for (const p of paths) {
      const abs = resolve(cwd, p);
      const project = abs.endsWith('.py') && existsSync(abs) ? owningProject(dirname(abs)) : null;
      if (project) projectFor.set(p, dirname(project.ini));
    }
  }
  // Alembic: projects (alembic.ini) and versions directories; .py files are never linted as SQL.
  const alembic = discoverAlembic(paths.map((p) => projectFor.get(p) ?? p), cwd, config.root, config.exclude);
  for (const [p, dir] of projectFor) if (alembic.pathsWithRevisions.has(dir)) alembic.pathsWithRevisions.add(p);
  // Git-aware mode: a migration given on its own keeps its history as context (the other migrations
  // of its SQL directory, or of its Alembic project), parsed when unreleased but never reported.
  const contextOnly = new Set<string>();
  if (opts.changeset) {
    const given = paths.map((p) => resolve(cwd, p));
    const isGiven = (f: string) => given.some((g) => f === g || f.startsWith(g + sep));
    for (const f of sqlFound.files) {
      if (!given.includes(f)) continue;
      for (const s of discoverSql([dirname(f)], cwd, config.root, config.include, config.exclude).files) if (!isGiven(s)) contextOnly.add(s);
    }
    if (projectFor.size) for (const f of alembic.files) if (!isGiven(f)) contextOnly.add(f);
  }
  const found = {
    files: [...new Set([...sqlFound.files.filter((f) => !f.endsWith('.py')), ...contextOnly, ...alembic.files])].sort(),
    problems: [
      ...sqlFound.problems
        .filter((p) => !(alembic.pathsWithRevisions.has(p.file) && p.message.startsWith('no SQL migrations found')))
        .map((p) => (p.message.startsWith('no SQL migrations found') ? { ...p, message: `${p.message}, and no Alembic revision files` } : p)),
      ...alembic.problems,
    ],
  };
  if (alembic.files.length) await loadPythonParser();
  const result: LintResult = { migrations: [], findings: [], fileProblems: [...found.problems], notes: [], verboseNotes: [] };
  for (const f of sqlFound.files) {
    if (f.endsWith('.py') && !alembic.transactional.has(f)) result.notes.push(`${toPosix(relative(cwd, f)) || f}: not an Alembic revision (no \`revision =\` and \`def upgrade\`), skipped`);
  }
  const sqlFiles = new Set(sqlFound.files);
  for (const f of alembic.skipped) if (!sqlFiles.has(f)) result.verboseNotes!.push(`${toPosix(relative(cwd, f)) || f}: not an Alembic revision, skipped`);
  const revisions = new Map<string, GraphInput>();
  const engine = engineOptions(config.rules, config.pgVersion);
  // simple-git and the release analysis load only in git-aware mode (cold start)
  const release = opts.changeset ? await import('./release/changeset.js') : null;
  const cs = opts.changeset ? await release!.openChangeset(cwd, found.files, { ...opts.changeset, contextOnly, releaseTags: opts.changeset.releaseTags ?? config.releaseTags, codeSearch: opts.changeset.codeSearch ?? config.codeSearch }) : null;
  if (cs) {
    result.notes.push(...cs.notes);
    result.findings.push(...cs.deleted(engine.active));
    if (cs.report.size === 0 && result.findings.length === 0) result.notes.push(`no migration ${opts.changeset!.staged ? 'is staged' : 'changed since the merge-base'}; nothing to lint`);
  }
  const loaded: { migration: Migration; abs: string; raw: Finding[] }[] = [];
  /** The lint job of one file: its display path, front end and runner transaction. */
  const jobFor = (abs: string, reported: boolean, content?: Uint8Array): FileJob => {
    const alembicFile = alembic.transactional.has(abs);
    return {
      abs, display: toPosix(relative(cwd, abs)) || abs, alembic: alembicFile, reported,
      transactional: alembicFile ? alembic.transactional.get(abs)! : !!config.assumeInTransaction,
      ...(content ? { content } : {}),
    };
  };
  const jobs: FileJob[] = [];
  for (const abs of found.files) {
    if (cs && !cs.parse.has(abs)) continue;
    jobs.push(jobFor(abs, !cs || cs.report.has(abs), cs?.contents.get(abs)));
  }
  // Alembic: timeouts env.py sets on the connection hold for every revision (one read per env.py)
  const presets = new Map<string, SessionPreset>();
  for (const job of jobs) {
    const env = job.alembic ? alembic.envOf.get(job.abs) : undefined;
    if (!env) continue;
    let preset = presets.get(env);
    if (!preset) presets.set(env, (preset = envTimeouts(env)));
    if (preset.lockTimeout || preset.statementTimeout) job.preset = preset;
  }
  const outcomes = await lintFiles(jobs, engine, { rules: config.rules, pgVersion: config.pgVersion, threads: opts.threads });
  jobs.forEach(({ abs, display, reported }, i) => {
    const o = outcomes[i]!;
    switch (o.kind) {
      case 'unreadable':
        if (reported) result.fileProblems.push({ file: display, message: o.message });
        return;
      case 'empty':
        if (reported) result.notes.push(`${display}: empty file, nothing to lint`);
        return;
      case 'not-revision':
        return;
      case 'alembic':
        revisions.set(abs, o.graph);
        loaded.push({ migration: o.upgrade, abs, raw: o.raw[0] }, { migration: o.downgrade, abs, raw: o.raw[1] });
        return;
      case 'sql':
        if (reported && o.migration.operations.length === 0 && o.migration.problems.length === 0 && !o.down) result.notes.push(`${display}: no SQL statements (only comments)`);
        loaded.push({ migration: o.migration, abs, raw: o.raw });
        if (o.down) loaded.push({ migration: o.down.migration, abs, raw: o.down.raw });
    }
  });
  // Revision-graph rules, per project or versions directory; findings go to the upgrade side of the file they name.
  const revisionOf = new Map<string, RevisionOf>();
  for (const g of alembic.groups) {
    // Files not parsed here (released ones in --base/--staged mode) still belong to the history: read their headers.
    const pairs = g.files.filter((f) => !cs?.untracked.has(f)).map((f) => [f, revisions.get(f) ?? readGraphInput(f, toPosix(relative(cwd, f)) || f)] as const);
    const inputs = pairs.map(([, x]) => x).filter((x): x is GraphInput => !!x);
    for (const [abs, x] of pairs) if (x) revisionOf.set(abs, x.info);
    if (!inputs.length) continue;
    const extra = graphFindings(buildGraph(inputs), engine.active);
    if (cs) {
      const revisionHeaders = pairs.filter(([, x]) => x)
        .map(([abs, x]) => ({ abs, file: x!.file, revision: x!.info.revision, downRevisions: x!.info.downRevisions, span: x!.spans.downRevision }));
      const rel = (abs: string) => toPosix(relative(cs.repo.root, abs));
      const dirs = [...new Set(g.files.map((f) => rel(dirname(f))))].map((d) => (d === '.' ? '' : d));
      const tipOnly = (await release!.tipOnlyFiles(cs, dirs, new Set(g.files.map(rel)))).map(({ path, text }) => graphInputFromText(text, path).info);
      extra.push(...release!.outOfOrderAlembic(cs, revisionHeaders, tipOnly, engine.active));
    }
    for (const f of extra) {
      loaded.find((l) => l.migration.file === f.file && l.migration.direction === 'upgrade' && (!cs || cs.report.has(l.abs)))?.raw.push(f);
    }
  }
  const needsOrder = !!cs || loaded.some((l) => l.raw.some((f) => f.rule === 'set-not-null'));
  const ordered = needsOrder ? applyOrder(loaded.map((l) => ({ ...l, file: l.migration.file, language: l.migration.language })), alembic.groups, revisionOf) : [];
  // SET NOT NULL after a CHECK validated in an earlier migration of the same history is safe (PostgreSQL 12+).
  // In git-aware mode the released migrations are not parsed: read those that could hold the CHECK.
  const released = cs ? releasedChecks(loaded, found.files, (abs) => cs.parse.has(abs), alembic.groups, (abs, content) => lintFile(jobFor(abs, false, content), engine)) : [];
  const withReleased = released.length
    ? applyOrder([...loaded, ...released].map((l) => ({ ...l, file: l.migration.file, language: l.migration.language })), alembic.groups, revisionOf)
    : ordered;
  suppressProvenSetNotNull(withReleased.map(({ item, history }) => ({ migration: item.migration, raw: item.raw, history })), config.pgVersion);
  if (cs) {
    const extra = await cs.analyze(ordered.map(({ item, history }) => ({ migration: item.migration, abs: item.abs, history })), engine.active);
    for (const l of loaded) {
      if (!cs.report.has(l.abs)) continue;
      const mine = extra.filter((f) => f.file === l.migration.file && f.direction === l.migration.direction);
      neverReleased(mine, l.raw);
      l.raw.push(...mine);
    }
  }
  for (let i = 0; i < loaded.length; ) {
    // The migrations of one file (Alembic: upgrade + downgrade) share its ignore comments.
    let j = i + 1;
    while (j < loaded.length && loaded[j]!.abs === loaded[i]!.abs) j++;
    const parts = loaded.slice(i, j);
    i = j;
    if (cs && !cs.report.has(parts[0]!.abs)) continue;
    result.migrations.push(...parts.map((l) => l.migration));
    result.findings.push(...applySuppressionsToFile(parts, engine));
  }
  return result;
}

export function assertSomethingToLint(r: LintResult): void {
  if (r.migrations.length === 0 && r.fileProblems.length === 0 && r.notes.length === 0 && r.findings.length === 0) throw new UsageError('no migration files to lint');
}

/**
 * Git-aware mode parses only changed or unreleased migrations. When one of them still has a
 * SET NOT NULL finding, the CHECK that makes it safe may be in a released migration of the same
 * history: parse those released files (of the same SQL directory or Alembic project) that name
 * the table, as context only (no findings of their own).
 */
function releasedChecks(
  loaded: { migration: Migration; abs: string; raw: Finding[] }[],
  files: readonly string[],
  parsed: (abs: string) => boolean,
  alembicGroups: readonly { files: readonly string[] }[],
  load: (abs: string, content: Uint8Array) => FileOutcome,
): { migration: Migration; abs: string; raw: Finding[] }[] {
  const steps = loaded.filter((l) => l.raw.some((f) => f.rule === 'set-not-null' && f.messageId === 'setNotNull' && !f.suppressed));
  if (!steps.length) return [];
  const tables = new Set(steps.flatMap((l) => l.raw.filter((f) => f.rule === 'set-not-null').map((f) => String(f.data.table).split('.').pop()!)));
  const dirs = new Set(steps.map((l) => historyDirOf(l.abs)));
  const groups = alembicGroups.filter((g) => steps.some((l) => g.files.includes(l.abs)));
  const out: { migration: Migration; abs: string; raw: Finding[] }[] = [];
  for (const abs of files) {
    if (parsed(abs) || !(dirs.has(historyDirOf(abs)) || groups.some((g) => g.files.includes(abs)))) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch {
      continue;
    }
    const text = bytes.toString('utf8');
    if (![...tables].some((t) => text.includes(t))) continue;
    // the bytes read here are the file's content: lintFile does not read it again
    const o = load(abs, bytes);
    if (o.kind === 'sql') out.push({ migration: o.migration, abs, raw: [] });
    else if (o.kind === 'alembic') out.push({ migration: o.upgrade, abs, raw: [] });
  }
  return out;
}

/** Rules whose danger is to data or code that production has; moot for an object that never reached it. */
const PRODUCTION_ONLY = new Set(['drop-column', 'drop-table', 'rename-column', 'rename-table', 'change-column-type', 'set-not-null']);

/**
 * A contract on an object created earlier in the same unreleased changeset is fine
 * (contract-same-release reports it as info): the per-file findings on that operation are
 * marked suppressed, with the reason, so they show with --show-suppressed and do not fail.
 */
function neverReleased(release: Finding[], raw: Finding[]): void {
  for (const info of release) {
    if (info.rule !== 'contract-same-release' || info.messageId !== 'createdHere') continue;
    for (const f of raw) {
      if (f.suppressed || !PRODUCTION_ONLY.has(f.rule) || f.end <= info.start || f.start >= info.end) continue;
      f.suppressed = { reason: `created in ${info.data.file}, which is not released yet`, directive: { start: info.start, end: info.end } };
    }
  }
}
