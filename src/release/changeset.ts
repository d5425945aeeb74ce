/**
 * Git-aware linting: which migrations a branch (`--base`) or the index (`--staged`) changes,
 * which ones the last release already shipped, and the cross-release findings that follow.
 * Only unreleased or changed migrations are parsed, so `--staged` stays cheap in a long history.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
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
}

export interface Changeset {
  repo: GitRepo;
  /** Files (absolute) that must be parsed: changed or unreleased. */
  parse: Set<string>;
  /** Files (absolute) whose findings are reported: the changed ones. */
  report: Set<string>;
  released: Set<string>;
  /** Files (absolute) that exist at the base (the merge-base, or HEAD for --staged). */
  atBase: Set<string>;
  baseName: string;
  releaseName: string | null;
  notes: string[];
  /** Cross-release findings for the parsed migrations, in apply order. */
  analyze(ordered: { migration: Migration; abs: string }[], active: Map<string, ActiveRule>): Promise<Finding[]>;
}

export async function openChangeset(cwd: string, files: string[], opts: ChangesetOptions): Promise<Changeset> {
  if (opts.base && opts.staged) throw new UsageError('use either --base <ref> or --staged, not both');
  const repo = await GitRepo.open(cwd, opts.staged ? '--staged' : '--base');
  const notes: string[] = [];
  // Independent git calls run at once (each is a process; --staged runs in a pre-commit hook).
  // Failures are reported in this order, whichever process ends first.
  const release = async (): Promise<{ ref: string; name: string } | { note: string } | null> => {
    if (opts.releaseRef) return { ref: await repo.resolve(opts.releaseRef), name: opts.releaseRef };
    if (!opts.releaseTags) return null;
    const tag = await repo.newestTag(opts.releaseTags);
    if (tag) return { ref: await repo.resolve(tag), name: tag };
    return { note: `no tag matching "${opts.releaseTags}" is reachable from HEAD; using ${opts.base ? `the merge-base with ${opts.base}` : 'HEAD'} as the last release` };
  };
  const [detached, headSha, baseSha, stagedList, explicit] = await inOrder([
    repo.detachedHead(),
    repo.resolve('HEAD'),
    opts.base ? repo.mergeBase(opts.base) : Promise.resolve(null),
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

  const rel = (abs: string) => toPosix(relative(repo.root, abs));
  const baseCommit = baseSha ?? headSha;
  const [changedList, releasedPaths, basePaths] = await inOrder([
    stagedList ? Promise.resolve(stagedList) : repo.changedSince(baseSha!),
    repo.filesAt(releaseRef),
    baseCommit === releaseRef ? Promise.resolve(null) : repo.filesAt(baseCommit),
  ] as const);
  const changed = new Set(changedList);
  const atBase = new Set(files.filter((abs) => (basePaths ?? releasedPaths).has(rel(abs))));
  const parse = new Set<string>();
  const report = new Set<string>();
  const released = new Set<string>();
  for (const abs of files) {
    const p = rel(abs);
    const isReleased = releasedPaths.has(p);
    if (isReleased) released.add(abs);
    if (changed.has(p)) report.add(abs);
    if (changed.has(p) || !isReleased) parse.add(abs);
  }

  return {
    repo, parse, report, released, atBase, baseName: opts.base ?? 'HEAD', releaseName, notes,
    async analyze(ordered, active) {
      const labelled: Labelled[] = ordered.map(({ migration, abs }) => ({ migration, released: released.has(abs), changed: report.has(abs) }));
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
        const now = readFileSync(abs, 'utf8');
        if (before === null || before === now) continue;
        const line = firstDifferentLine(before, now);
        const src = new SourceText(now);
        const lineStart = now.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
        const f = releaseFinding(active, 'edited-released-migration', 'edited', { release: releaseName!, line }, migration, { start: src.byteAt(lineStart), end: src.byteAt(lineStart) });
        if (f) out.push(f);
      }
      const unreleasedChanged = ordered.filter(({ abs }) => report.has(abs) && !released.has(abs)).map((o) => o.migration);
      const migrationDirs = [...new Set(ordered.map(({ abs }) => toPosix(relative(repo.root, abs)).split('/').slice(0, -1).join('/')).filter(Boolean))];
      out.push(
        ...(await stillReferenced(repo, unreleasedChanged, active, {
          releaseRef,
          releaseName, search: opts.codeSearch ?? DEFAULT_CODE_SEARCH, migrationDirs,
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
 * Alembic out-of-order-migration: an unreleased (changed, not at base) revision whose
 * down_revision is a revision of the base branch but not one of its heads — the branch needs a
 * rebase or a merge revision.
 */
export function outOfOrderAlembic(
  cs: Pick<Changeset, 'report' | 'atBase' | 'baseName'>,
  headers: RevisionHeader[],
  active: Map<string, ActiveRule>,
): Finding[] {
  if (!active.has('out-of-order-migration')) return [];
  const base = headers.filter((h) => cs.atBase.has(h.abs) && h.revision);
  if (!base.length) return [];
  const baseRevs = new Set(base.map((h) => h.revision!));
  const referenced = new Set(base.flatMap((h) => h.downRevisions));
  const heads = [...baseRevs].filter((r) => !referenced.has(r)).sort();
  const out: Finding[] = [];
  for (const h of headers) {
    if (!cs.report.has(h.abs) || cs.atBase.has(h.abs) || !h.revision) continue;
    for (const down of h.downRevisions) {
      if (!baseRevs.has(down) || heads.includes(down)) continue;
      const f = releaseFinding(active, 'out-of-order-migration', 'alembic', { revision: h.revision, down, base: cs.baseName, head: heads.join(', ') },
        { file: h.file, direction: 'upgrade', language: 'python' }, h.span ?? { start: 0, end: 0 });
      if (f) out.push(f);
    }
  }
  return out;
}
