/**
 * The git side of migsafe (simple-git): changed and staged files, merge-base, release refs,
 * file lists and contents at a ref, and `git grep` at a ref. Every failure a user can cause
 * becomes a one-line UsageError.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../errors.js';

export interface FileChanges {
  /** Added or modified. */
  changed: string[];
  deleted: string[];
}

export interface GrepHit {
  file: string;
  line: number;
  text: string;
}

export interface GrepOptions {
  ignoreCase?: boolean;
  /** Patterns are fixed strings (-F), not extended regular expressions (-E). */
  fixed?: boolean;
  /** Patterns match whole words only (-w). */
  words?: boolean;
  /** Every line of each matching file, not only the matching ones (as context: hits are not told apart). */
  wholeFiles?: boolean;
  /** Without a ref: search the index (--cached) instead of the work tree, or the work tree with untracked files. */
  worktree?: 'index' | 'files';
}

const WHOLE_FILE = 2 ** 31 - 1;

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

  /**
   * Files added or modified, and files deleted, since `base` (committed or not; untracked files
   * count as added), repo-relative. A rename is a delete and an add.
   */
  async changedSince(base: string): Promise<FileChanges> {
    const [diff, untracked] = await Promise.all([this.diff([base]), this.quiet(['ls-files', '--others', '--exclude-standard', '-z'])]);
    return { changed: [...new Set([...diff.changed, ...untracked.split('\0').filter(Boolean)])].sort(), deleted: diff.deleted };
  }

  /** What the index changes against HEAD (staged), repo-relative; before the first commit, against the empty tree. */
  staged(): Promise<FileChanges> {
    return this.diff(['--cached']);
  }

  /** One `git diff --name-status` (added, modified, deleted), so each side of a changeset is one process. */
  private async diff(args: string[]): Promise<FileChanges> {
    const fields = (await this.quiet(['diff', '--name-status', '--no-renames', '--diff-filter=AMD', '-z', ...args, '--'])).split('\0');
    const out: FileChanges = { changed: [], deleted: [] };
    for (let i = 0; i + 1 < fields.length; i += 2) (fields[i] === 'D' ? out.deleted : out.changed).push(fields[i + 1]!);
    out.changed.sort();
    out.deleted.sort();
    return out;
  }

  /**
   * The newest tag matching `pattern` that HEAD contains, or null. Newest by version order
   * (v2.0 after v1.0.1, whatever their dates), not the nearest: a hotfix tag merged back into
   * main is nearer to HEAD than the last real release.
   */
  async newestTag(pattern: string): Promise<string | null> {
    const out = await this.quiet(['tag', '--list', '--merged', 'HEAD', '--sort=-v:refname', pattern]);
    return out.split('\n').map((l) => l.trim()).find(Boolean) ?? null;
  }

  /** HEAD resolves (false before the first commit). */
  async hasCommits(): Promise<boolean> {
    try {
      await this.quiet(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
      return true;
    } catch {
      return false;
    }
  }

  /** Every path in the index (repo-relative). */
  async indexed(): Promise<Set<string>> {
    const out = await this.quiet(['ls-files', '-z', '--cached']);
    return new Set(out.split('\0').filter(Boolean));
  }

  /** The staged content of `paths` (repo-relative), read in one `git cat-file --batch`; paths not in the index are left out. */
  indexContents(paths: string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (!paths.length) return Promise.resolve(out);
    return new Promise((done, fail) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', fail);
      child.on('close', (code) => {
        if (code !== 0) return fail(new Error(`git cat-file failed: ${stderr.trim().split('\n')[0]}`));
        const buf = Buffer.concat(chunks);
        let at = 0;
        for (const p of paths) {
          const nl = buf.indexOf(10, at);
          if (nl < 0) break;
          const header = buf.subarray(at, nl).toString('utf8');
          at = nl + 1;
          // "<sha> blob <size>", or "<name> missing"
          const m = / blob (\d+)$/.exec(header);
          if (!m) continue;
          const size = Number(m[1]);
          out.set(p, buf.subarray(at, at + size));
          at += size + 1;
        }
        done(out);
      });
      // ":<path>" names the stage-0 entry in the index
      child.stdin.end(paths.map((p) => `:${p}\n`).join(''));
    });
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
   * `git grep` for each pattern, in the work tree (ref null) or at a ref. `pathspecs` are git
   * pathspecs (e.g. `:(glob)**\/*.py`, `:(exclude)migrations/**`). A pathspec git refuses (one
   * outside the repository, say) is a UsageError that names it.
   */
  async grep(ref: string | null, patterns: string[], pathspecs: string[], opts: GrepOptions = {}): Promise<GrepHit[]> {
    if (!patterns.length) return [];
    // -z: paths verbatim (no quoting, ':' in a name is not a separator); --no-column: a
    // grep.column config would add a field
    const args = ['grep', '-n', '-z', '--no-column', '-I', '--no-color', opts.fixed ? '-F' : '-E'];
    if (opts.ignoreCase) args.push('-i');
    if (opts.words) args.push('-w');
    // git grep has no "whole file" switch: context longer than any file, so each file comes once
    if (opts.wholeFiles) args.push('-C', String(WHOLE_FILE));
    if (!ref && opts.worktree === 'index') args.push('--cached');
    if (!ref && opts.worktree === 'files') args.push('--untracked');
    for (const p of patterns) args.push('-e', p);
    if (ref) args.push(ref);
    args.push('--', ...pathspecs);
    let out: string;
    try {
      out = await this.quiet(args, true);
    } catch (e) {
      throw grepFailure((e as Error).message, pathspecs);
    }
    return parseGrep(out, ref);
  }

  abs(rel: string): string {
    return join(this.root, rel);
  }
}

/**
 * `git grep -n -z` output: `path\0line\0text` per line (context lines too), `--` between groups;
 * at a ref the path is `ref:path`. Read field by field, so that no byte of a path is special.
 */
function parseGrep(out: string, ref: string | null): GrepHit[] {
  const hits: GrepHit[] = [];
  const prefix = ref ? `${ref}:` : '';
  let i = 0;
  while (i < out.length) {
    if (out.startsWith('--\n', i)) {
      i += 3;
      continue;
    }
    const a = out.indexOf('\0', i);
    const b = a < 0 ? -1 : out.indexOf('\0', a + 1);
    if (b < 0) break;
    let end = out.indexOf('\n', b + 1);
    if (end < 0) end = out.length;
    const path = out.slice(i, a);
    hits.push({ file: prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path, line: Number(out.slice(a + 1, b)), text: out.slice(b + 1, end) });
    i = end + 1;
  }
  return hits;
}

/** git's one-line complaint, as a UsageError naming the pathspec it is about (or all of them). */
function grepFailure(message: string, pathspecs: string[]): UsageError {
  const why = message.replace(/^git grep failed: (fatal: |error: )?/, '');
  const bad = pathspecs.find((p) => why.includes(p));
  if (bad) return new UsageError(`git grep refused the pathspec "${bad}": ${why}`);
  return new UsageError(`git grep failed (${why}) for the pathspecs ${pathspecs.map((p) => `"${p}"`).join(' ')}`);
}
