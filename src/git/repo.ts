/**
 * The git side of migsafe (simple-git): changed and staged files, merge-base, release refs,
 * file lists and contents at a ref, and `git grep` at a ref. Every failure a user can cause
 * becomes a one-line UsageError.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../errors.js';

export interface GrepHit {
  file: string;
  line: number;
  text: string;
}

export class GitRepo {
  private constructor(
    private readonly git: SimpleGit,
    /** Absolute path of the work tree root. */
    readonly root: string,
  ) {}

  static async open(cwd: string, why: string): Promise<GitRepo> {
    if (!existsSync(cwd)) throw new UsageError(`${cwd}: no such directory`);
    const git = simpleGit({ baseDir: cwd, binary: 'git', maxConcurrentProcesses: 4, trimmed: true });
    let root: string;
    try {
      root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
    } catch {
      throw new UsageError(`${resolve(cwd)} is not inside a git repository, which ${why} needs`);
    }
    return new GitRepo(simpleGit({ baseDir: root, binary: 'git', maxConcurrentProcesses: 4 }), root);
  }

  private async raw(args: string[]): Promise<string> {
    return this.git.raw(args);
  }

  /**
   * For commands that often print nothing (a grep without hits, no staged files): straight to
   * git with an argument array, because simple-git waits 50 ms after any command that prints
   * nothing. `exit1IsEmpty`: git grep exits 1 for "no match".
   */
  private quiet(args: string[], exit1IsEmpty = false): Promise<string> {
    return new Promise<string>((done, fail) => {
      execFile('git', args, { cwd: this.root, encoding: 'utf8', maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
        if (!err) return done(stdout);
        if (exit1IsEmpty && (err as { code?: unknown }).code === 1 && !stderr) return done('');
        fail(new Error(`git ${args[0]} failed: ${(stderr || err.message).trim().split('\n')[0]}`));
      });
    });
  }

  /**
   * simple-git resolves (with empty output) when git exits non-zero without writing to stderr,
   * as `rev-parse --verify --quiet` and `merge-base` do: treat empty output as failure.
   */
  private async value(args: string[]): Promise<string> {
    const out = (await this.raw(args)).trim();
    if (!out) throw new Error(`git ${args[0]} returned nothing`);
    return out;
  }

  /** Full sha of a ref; a one-line error naming the ref when it does not exist. */
  async resolve(ref: string): Promise<string> {
    try {
      return await this.value(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    } catch {
      const hint = (await this.isShallow()) ? ' (this is a shallow clone: fetch the ref, e.g. `git fetch origin <ref>`, or check out with fetch-depth: 0)' : '';
      throw new UsageError(`unknown git ref "${ref}"${hint}`);
    }
  }

  async isShallow(): Promise<boolean> {
    try {
      return (await this.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    } catch {
      return false;
    }
  }

  /** Null when HEAD is on a branch; the short sha when it is detached. */
  async detachedHead(): Promise<string | null> {
    let name: string;
    try {
      name = await this.value(['rev-parse', '--abbrev-ref', 'HEAD']);
    } catch {
      throw new UsageError(`${this.root}: the repository has no commits yet`);
    }
    if (name !== 'HEAD') return null;
    return this.value(['rev-parse', '--short', 'HEAD']);
  }

  async mergeBase(ref: string): Promise<string> {
    const sha = await this.resolve(ref);
    try {
      return await this.value(['merge-base', sha, 'HEAD']);
    } catch {
      if (await this.isShallow())
        throw new UsageError(`no merge-base between HEAD and "${ref}": this is a shallow clone without the shared history; fetch more (actions/checkout: fetch-depth: 0, or \`git fetch --unshallow\`)`);
      throw new UsageError(`HEAD and "${ref}" have no common history (no merge-base)`);
    }
  }

  /** Files added or modified since `base` (committed or not), repo-relative. */
  async changedSince(base: string): Promise<string[]> {
    const [out, untracked] = await Promise.all([
      this.quiet(['diff', '--name-only', '--no-renames', '--diff-filter=AM', '-z', base, '--']),
      this.quiet(['ls-files', '--others', '--exclude-standard', '-z']),
    ]);
    return [...new Set([...out.split('\0'), ...untracked.split('\0')].filter(Boolean))].sort();
  }

  /** Files added or modified in the index (staged), repo-relative. */
  async staged(): Promise<string[]> {
    const out = await this.quiet(['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=AM', '-z', '--']);
    return out.split('\0').filter(Boolean).sort();
  }

  /** The newest tag matching `pattern` reachable from HEAD, or null. */
  async newestTag(pattern: string): Promise<string | null> {
    try {
      return await this.value(['describe', '--tags', '--abbrev=0', '--match', pattern, 'HEAD']);
    } catch {
      return null;
    }
  }

  /** Every file path at `ref` (repo-relative). */
  async filesAt(ref: string): Promise<Set<string>> {
    const out = await this.raw(['ls-tree', '-r', '-z', '--name-only', ref]);
    return new Set(out.split('\0').filter(Boolean));
  }

  /** Blob ids of files at `ref` and in the index, to compare content cheaply. */
  async blobsAt(ref: string): Promise<Map<string, string>> {
    const out = await this.raw(['ls-tree', '-r', '-z', ref]);
    const m = new Map<string, string>();
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, , sha] = entry.slice(0, tab).split(' ');
      m.set(entry.slice(tab + 1), sha!);
    }
    return m;
  }

  /** Blob id of a work-tree file's current content. */
  async hashWorktree(paths: string[]): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    if (!paths.length) return m;
    const out = await this.raw(['hash-object', '--', ...paths]);
    out.trim().split('\n').forEach((sha, i) => m.set(paths[i]!, sha.trim()));
    return m;
  }

  /** Content of `path` at `ref`, or null if it does not exist there. */
  async show(ref: string, path: string): Promise<string | null> {
    try {
      return await this.git.show([`${ref}:${path}`]);
    } catch {
      return null;
    }
  }

  /**
   * `git grep -n -E` for each pattern, in the work tree (ref null) or at a ref. `pathspecs` are
   * git pathspecs (e.g. `:(glob)**\/*.py`, `:(exclude)migrations/**`).
   */
  async grep(ref: string | null, patterns: string[], pathspecs: string[], ignoreCase = false): Promise<GrepHit[]> {
    if (!patterns.length) return [];
    const args = ['grep', '-n', '-I', '--no-color', '-E', ...(ignoreCase ? ['-i'] : [])];
    for (const p of patterns) args.push('-e', p);
    if (ref) args.push(ref);
    args.push('--', ...pathspecs);
    const out = await this.quiet(args, true);
    const hits: GrepHit[] = [];
    for (const line of out.split('\n')) {
      if (!line) continue;
      let rest = line;
      if (ref && rest.startsWith(`${ref}:`)) rest = rest.slice(ref.length + 1);
      const m = /^(.*?):(\d+):(.*)$/.exec(rest);
      if (m) hits.push({ file: m[1]!, line: Number(m[2]), text: m[3]! });
    }
    return hits;
  }

  abs(rel: string): string {
    return join(this.root, rel);
  }
}
