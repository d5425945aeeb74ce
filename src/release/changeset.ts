/**
 * Git-aware linting: which migrations a branch (`--base`) or the index (`--staged`) changes,
 * which ones the last release already shipped, and the cross-release findings that follow.
 * Only unreleased or changed migrations are parsed, so `--staged` stays cheap in a long history.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { ActiveRule } from '../engine/lint-migration.js';
import { GitRepo } from '../git/repo.js';
import type { Migration } from '../model/migration.js';
import { sqlDirection, toPosix } from '../sources/files.js';
import { SourceText } from '../sources/source-text.js';
import { releaseFinding } from './make-finding.js';
import { contractSameRelease, outOfOrderSql, type Labelled } from './ordering.js';
import { DEFAULT_CODE_SEARCH, stillReferenced, type CodeSearch } from './references.js';
import { UsageError } from '../errors.js';

export interface ChangesetOptions {
  /** Lint what the branch changes since its merge-base with this ref. */
  base?: string;
  /** Lint what is staged in the index (pre-commit). */
  staged?: boolean;
  /** The last release; otherwise the newest tag matching releaseTags; otherwise the base. */
  releaseRef?: string;
  releaseTags?: string;
  codeSearch?: CodeSearch;
  /** Compare the commit at a detached HEAD with --base instead of refusing (set in CI, or --allow-detached). */
  allowDetached?: boolean;
  /** Files (absolute) that are only context: the siblings of a migration file given on its own. Never reported. */
  contextOnly?: ReadonlySet<string>;
}

/** Git's empty tree: what HEAD is before the first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface Changeset {
  repo: GitRepo;
  /** Files (absolute) that must be parsed: changed or unreleased. */
  parse: Set<string>;
  /** Files (absolute) whose findings are reported: the changed ones. */
  report: Set<string>;
  released: Set<string>;
  /** Files (absolute) that exist at the base (the merge-base, or HEAD for --staged). */
  atBase: Set<string>;
  /** --staged: files that are not in the index (untracked), so not part of the history being committed. */
  untracked: Set<string>;
  /** --staged: the staged content of the parsed files (what the commit will hold), by absolute path. */
  contents: Map<string, Buffer>;
  /**
   * --base: the tip of the base ref, where its current Alembic heads are (the base branch may
   * have moved on since the merge-base). Null when it is the merge-base itself.
   */
  tip: { sha: string; paths: Set<string> } | null;
  baseName: string;
  releaseName: string | null;
  notes: string[];
  /** Released migrations that the changeset deletes (a rename counts as a delete and an add): findings without a file to show. */
  deleted(active: Map<string, ActiveRule>): Finding[];
  /** Cross-release findings for the parsed migrations, in apply order. */
  analyze(ordered: { migration: Migration; abs: string; history: string }[], active: Map<string, ActiveRule>): Promise<Finding[]>;
}

export async function openChangeset(cwd: string, files: string[], opts: ChangesetOptions): Promise<Changeset> {
  if (opts.base && opts.staged) throw new UsageError('use either --base <ref> or --staged, not both');
  // the repository that holds the migrations, which need not be the one around the cwd
  const repo = await GitRepo.open(files.length ? dirname(files[0]!) : cwd, opts.staged ? '--staged' : '--base');
  const outside = files.find((abs) => relative(repo.root, abs).startsWith('..'));
  if (outside) throw new UsageError(`${outside} is not in the git repository at ${repo.root}: lint one repository at a time with ${opts.staged ? '--staged' : '--base'}`);
  const notes: string[] = [];
  // Before the first commit, --staged compares the index with the empty tree.
  const unborn = !(await repo.hasCommits());
  if (unborn && !opts.staged) throw new UsageError(`${repo.root}: the repository has no commits yet, so there is nothing to compare with ${opts.base}`);
  // Independent git calls run at once (each is a process; --staged runs in a pre-commit hook).
  // Failures are reported in this order, whichever process ends first.
  const release = async (): Promise<{ ref: string; name: string } | { note: string } | null> => {
    if (opts.releaseRef) return { ref: await repo.resolve(opts.releaseRef), name: opts.releaseRef };
    if (!opts.releaseTags || unborn) return null;
    const tag = await repo.newestTag(opts.releaseTags);
    if (tag) {
      notes.push(`last release: ${tag} (the newest tag matching "${opts.releaseTags}" that HEAD contains)`);
      return { ref: await repo.resolve(tag), name: tag };
    }
    return { note: `no tag matching "${opts.releaseTags}" is reachable from HEAD; using ${opts.base ? `the merge-base with ${opts.base}` : 'HEAD'} as the last release` };
  };
  const [detached, headSha, baseSha, tipSha, stagedChanges, explicit] = await inOrder([
    unborn ? Promise.resolve(null) : repo.detachedHead(),
    unborn ? Promise.resolve(EMPTY_TREE) : repo.resolve('HEAD'),
    opts.base ? repo.mergeBase(opts.base) : Promise.resolve(null),
    opts.base ? repo.resolve(opts.base) : Promise.resolve(null),
    opts.staged ? repo.staged() : Promise.resolve(null),
    release(),
  ] as const);
  if (detached && opts.base && !opts.allowDetached)
    throw new UsageError(
      `HEAD is detached at ${detached}, so there is no branch to compare with ${opts.base}: check out the branch (git switch <branch>), or pass --allow-detached to compare the commit at HEAD (the default when CI is set)`,
    );
  if (detached) notes.push(`HEAD is detached at ${detached}; comparing that commit`);
  let releaseRef: string;
  let releaseName: string;
  if (explicit && 'ref' in explicit) {
    releaseRef = explicit.ref;
    releaseName = explicit.name;
  } else {
    if (explicit) notes.push(explicit.note);
    releaseRef = baseSha ?? headSha;
    releaseName = opts.base ? `${opts.base} (merge-base ${baseSha!.slice(0, 8)})` : 'HEAD';
  }
  // --staged with no release known: HEAD stands in for it, but HEAD may never have been deployed
  const releaseIsGuess = !!opts.staged && !(explicit && 'ref' in explicit);

  const rel = (abs: string) => toPosix(relative(repo.root, abs));
  const baseCommit = baseSha ?? headSha;
  const [changes, releasedPaths, basePaths, tipPaths, indexPaths] = await inOrder([
    stagedChanges ? Promise.resolve(stagedChanges) : repo.changedSince(baseSha!),
    repo.filesAt(releaseRef),
    baseCommit === releaseRef ? Promise.resolve(null) : repo.filesAt(baseCommit),
    tipSha && tipSha !== baseSha ? repo.filesAt(tipSha) : Promise.resolve(null),
    opts.staged ? repo.indexed() : Promise.resolve(null),
  ] as const);
  const changed = new Set(changes.changed);
  const atBase = new Set(files.filter((abs) => (basePaths ?? releasedPaths).has(rel(abs))));
  const parse = new Set<string>();
  const report = new Set<string>();
  const released = new Set<string>();
  const untracked = new Set<string>();
  for (const abs of files) {
    const p = rel(abs);
    // --staged: the commit holds only what is in the index; untracked files are not context
    if (indexPaths && !indexPaths.has(p)) {
      untracked.add(abs);
      continue;
    }
    const isReleased = releasedPaths.has(p);
    if (isReleased) released.add(abs);
    if (changed.has(p) && !opts.contextOnly?.has(abs)) report.add(abs);
    if (changed.has(p) || !isReleased) parse.add(abs);
  }
  // --staged lints what will be committed: the index, not the work tree (which may differ)
  const contents = new Map<string, Buffer>();
  if (opts.staged) for (const [p, buf] of await repo.indexContents([...parse].map(rel))) contents.set(repo.abs(p), buf);
  const tip = tipSha && tipPaths ? { sha: tipSha, paths: tipPaths } : null;

  return {
    repo, parse, report, released, atBase, untracked, contents, tip, baseName: opts.base ?? 'HEAD', releaseName, notes,
    deleted(active) {
      // a deleted file was a migration if it sat in a folder that still holds migrations
      const dirs = new Set(files.map((abs) => dirname(rel(abs))));
      const out: Finding[] = [];
      for (const p of changes.deleted) {
        if (!releasedPaths.has(p) || !dirs.has(dirname(p)) || !/\.(sql|py)$/i.test(p)) continue;
        const m = { file: toPosix(relative(cwd, repo.abs(p))), direction: 'upgrade' as const, language: p.endsWith('.py') ? ('python' as const) : ('sql' as const) };
        const f = releaseFinding(active, 'edited-released-migration', releaseIsGuess ? 'deletedCommitted' : 'deleted', { release: releaseName }, m, { start: 0, end: 0 }, releaseIsGuess ? { severity: 'warning' } : {});
        if (f) out.push(f);
      }
      return out;
    },
    async analyze(ordered, active) {
      const labelled: Labelled[] = ordered.map(({ migration, abs, history }) => ({ migration, released: released.has(abs), changed: report.has(abs), history }));
      // out-of-order needs the names of released files too, which are not parsed
      const parsed = new Set(ordered.map((o) => o.abs));
      const names: Labelled[] = files
        .filter((abs) => !parsed.has(abs) && released.has(abs))
        .map((abs) => ({ migration: { file: toPosix(relative(cwd, abs)), language: 'sql', direction: 'upgrade' } as Migration, released: true, changed: false }))
        .filter((l) => sqlDirection(l.migration.file) === 'upgrade');
      const out: Finding[] = [...contractSameRelease(labelled, active), ...outOfOrderSql([...labelled, ...names], active)];
      // edited-released-migration: changed files that the release already has
      const seen = new Set<string>();
      for (const { migration, abs } of ordered) {
        if (!report.has(abs) || !released.has(abs) || seen.has(abs)) continue;
        seen.add(abs);
        const before = await repo.show(releaseRef!, rel(abs));
        const now = contents.get(abs)?.toString('utf8') ?? readFileSync(abs, 'utf8');
        if (before === null || before === now) continue;
        const line = firstDifferentLine(before, now);
        const src = new SourceText(now);
        const lineStart = now.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
        const span = { start: src.byteAt(lineStart), end: src.byteAt(lineStart) };
        const f = releaseIsGuess
          ? releaseFinding(active, 'edited-released-migration', 'editedCommitted', { release: releaseName!, line }, migration, span, { severity: 'warning' })
          : releaseFinding(active, 'edited-released-migration', 'edited', { release: releaseName!, line }, migration, span);
        if (f) out.push(f);
      }
      const unreleasedChanged = ordered.filter(({ abs }) => report.has(abs) && !released.has(abs)).map((o) => o.migration);
      out.push(
        ...(await stillReferenced(repo, unreleasedChanged, active, {
          releaseRef,
          // every migration file, parsed or not: a released folder's revisions are not application code
          releaseName, search: opts.codeSearch ?? DEFAULT_CODE_SEARCH, migrationFiles: files, worktree: opts.staged ? 'index' : 'files',
        })),
      );
      return out;
    },
  };
}

/** Like Promise.all, but after every promise settles, and the first failure in argument order wins. */
async function inOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 1;
}

export interface RevisionHeader {
  abs: string;
  file: string;
  revision: string | null;
  downRevisions: string[];
  /** Byte span of the down_revision assignment, for the finding. */
  span: { start: number; end: number } | null;
}

/**
 * Alembic out-of-order-migration: an unreleased revision whose down_revision is a revision of the
 * base branch but not one of its heads — the branch needs a rebase or a merge revision. The base
 * branch's heads are taken at its tip (it may have moved on since the merge-base); `tipOnly` are
 * the revisions that exist only there. Once a merge revision joins everything into one head,
 * nothing is reported.
 */
export function outOfOrderAlembic(
  cs: Pick<Changeset, 'report' | 'atBase' | 'baseName' | 'tip' | 'repo'>,
  headers: RevisionHeader[],
  tipOnly: { revision: string | null; downRevisions: string[] }[],
  active: Map<string, ActiveRule>,
): Finding[] {
  if (!active.has('out-of-order-migration')) return [];
  const onBase = (h: RevisionHeader) => (cs.tip ? cs.tip.paths.has(toPosix(relative(cs.repo.root, h.abs))) : cs.atBase.has(h.abs));
  const base = [...headers.filter(onBase), ...tipOnly].filter((h) => h.revision);
  if (!base.length) return [];
  const baseRevs = new Set(base.map((h) => h.revision!));
  const referenced = new Set(base.flatMap((h) => h.downRevisions));
  const heads = [...baseRevs].filter((r) => !referenced.has(r)).sort();
  const all = [...headers, ...tipOnly].filter((h) => h.revision);
  const allReferenced = new Set(all.flatMap((h) => h.downRevisions));
  if (new Set(all.map((h) => h.revision!).filter((r) => !allReferenced.has(r))).size <= 1) return [];
  const baseName = cs.baseName === 'HEAD' ? 'the committed history (HEAD)' : cs.baseName;
  const out: Finding[] = [];
  for (const h of headers) {
    if (!cs.report.has(h.abs) || onBase(h) || !h.revision) continue;
    for (const down of h.downRevisions) {
      if (!baseRevs.has(down) || heads.includes(down)) continue;
      const f = releaseFinding(active, 'out-of-order-migration', 'alembic', { revision: h.revision, down, base: baseName, head: heads.join(', ') },
        { file: h.file, direction: 'upgrade', language: 'python' }, h.span ?? { start: 0, end: 0 });
      if (f) out.push(f);
    }
  }
  return out;
}

/** Revision files of the base tip in `dirs` (repo-relative) that the work tree does not have: their content. */
export async function tipOnlyFiles(cs: Pick<Changeset, 'tip' | 'repo'>, dirs: string[], have: Set<string>): Promise<{ path: string; text: string }[]> {
  if (!cs.tip) return [];
  const wanted = [...cs.tip.paths].filter((p) => p.endsWith('.py') && !have.has(p) && dirs.some((d) => !d || p.startsWith(`${d}/`)));
  const texts = await Promise.all(wanted.map((p) => cs.repo.show(cs.tip!.sha, p)));
  return wanted.flatMap((path, i) => (texts[i] === null ? [] : [{ path, text: texts[i]! }]));
}
