/**
 * The gate's ports: everything a step touches outside its own memory. Real implementations are
 * wired by the CLI (`realPorts()`); tests wrap them to inject failures (a killed pg_dump, a full
 * disk, a missing binary) while still talking to a real PostgreSQL.
 */
import type { Client } from 'pg';
import type { ConnTarget } from './conn.js';

export interface ProcSpec {
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run `cmd` through /bin/sh -c. Only --downgrade-cmd does this. */
  shell?: boolean;
  /** Abort kills the child (SIGTERM, then SIGKILL). */
  signal?: AbortSignal;
  uid?: number;
  gid?: number;
  /** Keep at most this many bytes of each stream (the tail). Default 1 MiB. */
  maxOutput?: number;
}

export interface ProcResult {
  /** Exit code, or null when killed by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Spawn error (ENOENT: binary missing, EACCES). */
  spawnError?: string;
}

export interface Proc {
  run(spec: ProcSpec): Promise<ProcResult>;
}

/** Database access. Each call opens a new client; the caller ends it. */
export interface Db {
  connect(target: ConnTarget, database?: string): Promise<Client>;
}

/** pg_dump / pg_restore, run with argument arrays and the password in the environment. */
export interface Dump {
  readonly pgDump: string;
  readonly pgRestore: string;
  /** `pg_dump --version` → "15.18" (null when missing). */
  version(): Promise<string | null>;
  dump(opts: DumpOptions): Promise<ProcResult & { args: string[] }>;
  /** pg_restore --list */
  list(archive: string): Promise<ProcResult>;
  /** pg_restore -f /dev/null: reads every byte of the archive. */
  readAll(archive: string): Promise<ProcResult>;
  restore(opts: RestoreOptions): Promise<ProcResult & { args: string[] }>;
}

export interface DumpOptions {
  target: ConnTarget;
  out: string;
  format: 'custom' | 'directory';
  jobs: number;
  snapshot: string;
  lockWaitTimeoutMs: number;
  signal?: AbortSignal;
}

export interface RestoreOptions {
  target: ConnTarget;
  database: string;
  archive: string;
  jobs: number;
  /** Sandbox restores drop ownership and grants (the sandbox has none of the roles). */
  noOwner: boolean;
  clean?: boolean;
  singleTransaction?: boolean;
  signal?: AbortSignal;
}

export interface FileStat {
  size: number;
  mode: number;
  isDirectory: boolean;
}

/** The file system, as the gate uses it. Writes are atomic (temp name + rename). */
export interface Fs {
  mkdirPrivate(path: string): Promise<void>;
  /** Write to `<path>.tmp-<pid>` with mode 0600, fsync, rename onto path. */
  writeFileAtomic(path: string, data: string | Buffer): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  stat(path: string): Promise<FileStat | null>;
  chmod(path: string, mode: number): Promise<void>;
  /** Relative paths of every regular file under dir (sorted). */
  listFiles(dir: string): Promise<string[]>;
  sha256(path: string): Promise<{ sha256: string; size: number }>;
  /** First n bytes. */
  head(path: string, n: number): Promise<Buffer>;
}

export interface Clock {
  now(): Date;
  /** Milliseconds, monotonic. */
  ms(): number;
}

/** Progress events; the CLI shows them on a TTY and stays quiet otherwise. Never required. */
export type GateEvent = { type: 'step-start'; step: string; detail?: string } | { type: 'step-end'; step: string; status: string; durationMs: number } | { type: 'note'; message: string };

export interface Tools {
  /** Directory with pg_dump/pg_restore/initdb/postgres, or null to use PATH. */
  bindir: string | null;
  alembic: string;
}

export interface GatePorts {
  db: Db;
  dump: Dump;
  proc: Proc;
  fs: Fs;
  clock: Clock;
  tools: Tools;
  events?: (e: GateEvent) => void;
}
