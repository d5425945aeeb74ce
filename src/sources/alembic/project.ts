/**
 * Alembic project discovery: `alembic.ini` (script_location, version_locations split by
 * path_separator / version_path_separator, recursive_version_locations), `env.py` (transactional
 * DDL), and the revision files in a versions directory. Nothing is imported or executed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { toPosix, walk, type FileProblem } from '../files.js';
import { field, namedChildren, parsePython, pythonParserReady, type PyNode } from './parser.js';
import { moduleNames, params } from './extract.js';
import { Evaluator, Scope, dotted } from './values.js';
import { looksLikeRevision } from './revision.js';
import type { SessionPreset } from '../../model/migration.js';

export interface AlembicProject {
  /** Absolute path of alembic.ini. */
  ini: string;
  scriptLocation: string | null;
  /** script_location/env.py, or null without a script_location. */
  env: string | null;
  /** Absolute version directories (script_location/versions unless version_locations says otherwise). */
  versionLocations: string[];
  recursive: boolean;
  /** False when env.py configures `transactional_ddl=False`. */
  transactional: boolean;
  problems: string[];
}

/** configparser-style INI: sections, `key = value` / `key: value`, indented continuation lines, `%(here)s` interpolation. */
export function parseIni(text: string, here: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let section: Map<string, string> | null = null;
  let lastKey: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') {
      if (raw.trim() === '') lastKey = null;
      continue;
    }
    const sec = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (sec) {
      section = out.get(sec[1]!) ?? new Map();
      out.set(sec[1]!, section);
      lastKey = null;
      continue;
    }
    if (/^\s/.test(raw) && section && lastKey) {
      section.set(lastKey, `${section.get(lastKey)}\n${raw.trim()}`);
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && section) {
      lastKey = kv[1]!.trim().toLowerCase();
      section.set(lastKey, kv[2]!.trim());
    }
  }
  const defaults = out.get('DEFAULT') ?? new Map<string, string>();
  for (const sec of out.values()) {
    for (const [k, v] of sec) {
      sec.set(k, v.replace(/%\((\w+)\)s|%%/g, (m, name: string | undefined) => {
        if (m === '%%') return '%';
        if (name === 'here') return here;
        return sec.get(name!.toLowerCase()) ?? defaults.get(name!.toLowerCase()) ?? m;
      }));
    }
  }
  return out;
}

/**
 * Alembic's path separators (config.py `_get_file_separator_char`): `path_separator` (Alembic ≥
 * 1.16) supersedes the older `version_path_separator`; `os` is os.pathsep.
 */
const SEPARATORS: Record<string, string> = { space: ' ', newline: '\n', os: delimiter, ':': ':', ';': ';' };
/** Neither key given: the legacy split of version_locations on spaces and/or commas. */
const LEGACY_SPLIT = /, *| +/;

/** Split version_locations as Alembic does. Unknown separator values are reported and fall back to the legacy split. */
export function splitVersionLocations(value: string, main: Map<string, string>, problems: string[]): string[] {
  const key = main.has('path_separator') ? 'path_separator' : main.has('version_path_separator') ? 'version_path_separator' : null;
  let sep: string | RegExp = LEGACY_SPLIT;
  if (key) {
    const name = main.get(key)!.trim();
    const known = SEPARATORS[name];
    if (known !== undefined) sep = known;
    else problems.push(`unknown ${key} "${name}" (expected os, space, newline, ":" or ";")`);
  }
  return value.split(sep).map((s) => s.trim()).filter(Boolean);
}

export function readAlembicIni(iniPath: string): AlembicProject {
  const ini = resolve(iniPath);
  const here = dirname(ini);
  const project: AlembicProject = { ini, scriptLocation: null, env: null, versionLocations: [], recursive: false, transactional: true, problems: [] };
  let text: string;
  try {
    text = readFileSync(ini, 'utf8');
  } catch (e: any) {
    project.problems.push(`cannot read (${e?.code ?? e?.message})`);
    return project;
  }
  const sections = parseIni(text, here);
  const main = sections.get('alembic') ?? [...sections.values()].find((s) => s.has('script_location'));
  const location = main?.get('script_location');
  if (!location) {
    project.problems.push('no script_location in the [alembic] section');
    return project;
  }
  if (/^[\w.]+:[\w./-]+$/.test(location) && !existsSync(resolve(here, location))) {
    project.problems.push(`script_location "${location}" is a package resource; point migsafe at the versions directory instead`);
    return project;
  }
  project.scriptLocation = resolve(here, location);
  const versions = main!.get('version_locations');
  if (versions) {
    const raw = splitVersionLocations(versions, main!, project.problems);
    project.versionLocations = raw.map((p) => resolve(here, p));
    raw.forEach((p, i) => {
      if (isDirectory(project.versionLocations[i]!)) return;
      // One location that looks like a list: the separator keys do not match how it is written.
      const hint = /[\s,:;]/.test(p.replace(/^[A-Za-z]:[\\/]/, '')) ? '; is path_separator set to the separator version_locations uses?' : '';
      project.problems.push(`version_locations: "${p}" is not a directory${hint}`);
    });
  } else {
    project.versionLocations = [join(project.scriptLocation, 'versions')];
    if (!isDirectory(project.versionLocations[0]!)) project.problems.push(`no versions directory in script_location (${toPosix(relative(here, project.versionLocations[0]!))})`);
  }
  project.recursive = /^(true|1|yes|on)$/i.test(main!.get('recursive_version_locations') ?? '');
  // Read on first use: env.py is parsed with tree-sitter, which the caller loads after discovery.
  const env = (project.env = join(project.scriptLocation, 'env.py'));
  let memo: boolean | null = null;
  Object.defineProperty(project, 'transactional', {
    enumerable: true,
    configurable: true,
    get: () => memo ?? (pythonParserReady() ? (memo = envTransactional(env)) : envTransactional(env)),
  });
  return project;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * env.py runs migrations without a transaction when the online path passes
 * `transactional_ddl=False` to `context.configure()`. Read from the parse, so comments, strings
 * and the offline path (`run_migrations_offline`, which renders SQL and runs nothing) do not
 * count. Needs loadPythonParser(); before that, a text scan with comments removed stands in.
 */
export function envTransactional(envPy: string): boolean {
  let text: string;
  try {
    text = readFileSync(envPy, 'utf8');
  } catch {
    return true;
  }
  if (!pythonParserReady()) return !/\btransactional_ddl\s*=\s*False\b/.test(text.replace(/#.*$/gm, ''));
  return !configuresNonTransactional(text);
}

const OFFLINE_FUNCTION = 'run_migrations_offline';

/**
 * Timeouts env.py sets on the migration connection, outside run_migrations_offline(): a string
 * that runs `SET lock_timeout …` / `set_config('lock_timeout', …)`, or passes `-c lock_timeout=…`
 * in the connection options. A value of 0 turns the timeout off, so it does not count. Comments
 * are not strings in the parse, so they never count.
 */
export function envTimeouts(envPy: string): SessionPreset {
  const none = { lockTimeout: false, statementTimeout: false };
  let text: string;
  try {
    text = readFileSync(envPy, 'utf8');
  } catch {
    return none;
  }
  if (!/lock_timeout|statement_timeout/.test(text)) return none;
  const { root } = parsePython(text);
  const found = { ...none };
  const stack: PyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'function_definition') {
      const name = field(n, 'name');
      if (name && text.slice(name.start, name.end) === OFFLINE_FUNCTION) continue;
    }
    if (n.type === 'string') {
      const s = text.slice(n.start, n.end);
      if (setsTimeout(s, 'lock_timeout')) found.lockTimeout = true;
      if (setsTimeout(s, 'statement_timeout')) found.statementTimeout = true;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return found;
}

/** `SET [SESSION] name = v` / `SET name TO v` / `set_config('name', v` / `-c name=v`, with v not zero. */
function setsTimeout(s: string, name: string): boolean {
  const re = new RegExp(`(?:\\bSET\\s+(?:SESSION\\s+)?${name}\\s*(?:=|\\bTO\\b)|set_config\\s*\\(\\s*\\\\?['"]${name}\\\\?['"]\\s*,|-c\\s*${name}\\s*=)\\s*\\\\?['"]?\\s*([0-9]+)?`, 'gi');
  for (const m of s.matchAll(re)) if (m[1] === undefined || Number(m[1]) !== 0) return true;
  return false;
}

/** Does a `context.configure(…, transactional_ddl=False)` call run outside run_migrations_offline()? */
export function configuresNonTransactional(text: string): boolean {
  const { root } = parsePython(text);
  const names = moduleNames(text, root);
  const ev = new Evaluator(text);
  const moduleScope = Scope.forBody(text, root, null);
  // Iterative, so a deeply nested env.py cannot overflow the JS stack.
  const stack: { n: PyNode; scope: Scope }[] = [{ n: root, scope: moduleScope }];
  while (stack.length) {
    const { n, scope } = stack.pop()!;
    if (n.type === 'function_definition') {
      const name = field(n, 'name');
      if (name && text.slice(name.start, name.end) === OFFLINE_FUNCTION) continue;
      const body = field(n, 'body');
      if (body) stack.push({ n: body, scope: Scope.forBody(text, body, scope, params(text, n)) });
      continue;
    }
    if (n.type === 'call' && isConfigure(dotted(text, field(n, 'function')), names.context) && passesFalse(n, scope, 0)) return true;
    for (const c of n.children) stack.push({ n: c, scope });
  }
  return false;

  /** `transactional_ddl=False` among a call's keyword arguments, also through `**opts` (a dict(…) or {…} bound once). */
  function passesFalse(call: PyNode, scope: Scope, depth: number): boolean {
    const args = field(call, 'arguments');
    for (const a of args ? namedChildren(args) : []) {
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        if (k && text.slice(k.start, k.end) === 'transactional_ddl' && isFalse(field(a, 'value'), scope)) return true;
      } else if (a.type === 'dictionary_splat' && depth < 4) {
        let d: PyNode | null = namedChildren(a)[0] ?? null;
        let dScope = scope;
        if (d?.type === 'identifier') {
          const b = scope.lookup(text.slice(d.start, d.end));
          d = b?.kind === 'value' ? b.node : null;
          if (b?.kind === 'value') dScope = b.scope;
        }
        if (d?.type === 'call' && dotted(text, field(d, 'function')) === 'dict' && passesFalse(d, dScope, depth + 1)) return true;
        if (d?.type === 'dictionary') {
          for (const pair of namedChildren(d)) {
            if (pair.type !== 'pair') continue;
            const key = ev.eval(field(pair, 'key'), dScope);
            if (key.t === 'str' && key.s.value === 'transactional_ddl' && isFalse(field(pair, 'value'), dScope)) return true;
          }
        }
      }
    }
    return false;
  }
  function isFalse(node: PyNode | null, scope: Scope): boolean {
    const v = ev.eval(node, scope);
    return v.t === 'bool' && !v.value;
  }
}

/** `context.configure`, `alembic.context.configure`, or through an alias of alembic's context. */
function isConfigure(path: string | null, contexts: Set<string>): boolean {
  if (!path?.endsWith('.configure')) return false;
  const head = path.slice(0, -'.configure'.length);
  return contexts.has(head) || head === 'context' || head.endsWith('.context');
}

/**
 * File → runs in a transaction. A value may be computed on first read (env.py is parsed then,
 * once the caller has loaded the Python parser).
 */
class LazyFlags extends Map<string, boolean> {
  private readonly pending = new Map<string, () => boolean>();
  setLazy(key: string, value: () => boolean): this {
    this.pending.set(key, value);
    return super.set(key, true);
  }
  override set(key: string, value: boolean): this {
    this.pending?.delete(key);
    return super.set(key, value);
  }
  override get(key: string): boolean | undefined {
    const p = this.pending.get(key);
    if (p) {
      this.pending.delete(key);
      super.set(key, p());
    }
    return super.get(key);
  }
  private resolveAll(): void {
    for (const k of [...this.pending.keys()]) this.get(k);
  }
  override forEach(cb: (value: boolean, key: string, map: Map<string, boolean>) => void, thisArg?: unknown): void {
    this.resolveAll();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[string, boolean]> {
    this.resolveAll();
    return super.entries();
  }
  override values(): MapIterator<boolean> {
    this.resolveAll();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, boolean]> {
    return this.entries();
  }
}

/** envTransactional(envPy), read once per env.py on first use. */
function envFlag(cache: Map<string, () => boolean>, envPy: string): () => boolean {
  let f = cache.get(envPy);
  if (!f) {
    let memo: boolean | null = null;
    f = () => memo ?? (pythonParserReady() ? (memo = envTransactional(envPy)) : envTransactional(envPy));
    cache.set(envPy, f);
  }
  return f;
}

export interface AlembicGroup {
  /** The project (ini) or the directory the revisions were found in. */
  root: string;
  project: AlembicProject | null;
  files: string[];
  transactional: boolean;
}

export interface AlembicDiscovery {
  /** Python files to load (absolute). */
  files: string[];
  /** Revision graphs to check: one per project or loose versions directory. A single file forms no group. */
  groups: AlembicGroup[];
  transactional: Map<string, boolean>;
  problems: FileProblem[];
  /** Python files that are not revision files (reported as notes in verbose mode). */
  skipped: string[];
  /** The given paths that yielded at least one revision file. */
  pathsWithRevisions: Set<string>;
  /** The env.py of each revision file's project (or the one next to its versions directory). */
  envOf: Map<string, string>;
}

function lazyGroup(root: string, project: AlembicProject | null, transactional: () => boolean): AlembicGroup {
  const g = { root, project, files: [] as string[] } as unknown as AlembicGroup;
  Object.defineProperty(g, 'transactional', { enumerable: true, configurable: true, get: transactional });
  return g;
}

function listPy(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  if (recursive) walk(dir, (f) => f.endsWith('.py') && out.push(f));
  else {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return out;
    }
    for (const e of entries) {
      const f = join(dir, e);
      if (e.endsWith('.py') && !e.startsWith('.#')) {
        try {
          if (statSync(f).isFile()) out.push(f);
        } catch {
          /* vanished */
        }
      }
    }
  }
  return out;
}

function isRevisionFile(file: string): boolean {
  try {
    return looksLikeRevision(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The project (alembic.ini up to 8 levels up) whose version locations hold directory `dir`, or
 * null. `cache` keeps each alembic.ini read once across calls.
 */
export function owningProject(dir: string, cache = new Map<string, AlembicProject | null>()): AlembicProject | null {
  for (let d = dir, up = 0; up < 8; d = dirname(d), up++) {
    const ini = join(d, 'alembic.ini');
    if (!cache.has(ini)) cache.set(ini, existsSync(ini) ? readAlembicIni(ini) : null);
    const project = cache.get(ini)!;
    if (project?.versionLocations.some((loc) => dir === loc || (project.recursive && dir.startsWith(loc + sep)))) return project;
    if (dirname(d) === d) break;
  }
  return null;
}

/**
 * Expand paths into Alembic revision files. A directory with alembic.ini is a project (its
 * version locations form one graph); any other directory is walked, and the revision files
 * are grouped by directory (projects found inside are used as projects).
 */
export function discoverAlembic(paths: string[], cwd: string, root: string, exclude: string[]): AlembicDiscovery {
  const exc = picomatch(exclude, { dot: true });
  const flags = new LazyFlags();
  const envs = new Map<string, () => boolean>();
  const out: AlembicDiscovery = { files: [], groups: [], transactional: flags, problems: [], skipped: [], pathsWithRevisions: new Set(), envOf: new Map() };
  const claimed = new Set<string>();
  const groupByRoot = new Map<string, AlembicGroup>();
  const excluded = (f: string, base: string) => {
    let rel = toPosix(relative(root, f));
    if (rel.startsWith('../') || rel === '..') rel = toPosix(relative(base, f));
    return exc(rel);
  };
  /** How a revision file runs: in a transaction or not, and which env.py sets up its connection. */
  type Runner = { transactional: () => boolean; env: string | null };
  const addFile = (f: string, { transactional, env }: Runner, given: string): boolean => {
    if (claimed.has(f)) return true;
    if (!isRevisionFile(f)) {
      if (!out.skipped.includes(f)) out.skipped.push(f);
      return false;
    }
    claimed.add(f);
    out.files.push(f);
    flags.setLazy(f, transactional);
    if (env) out.envOf.set(f, env);
    out.pathsWithRevisions.add(given);
    return true;
  };
  const addProject = (ini: string, given: string) => {
    if (groupByRoot.has(ini)) return;
    const project = readAlembicIni(ini);
    for (const p of project.problems) out.problems.push({ file: toPosix(relative(cwd, ini)) || ini, message: p });
    const group = lazyGroup(ini, project, () => project.transactional);
    groupByRoot.set(ini, group);
    out.groups.push(group);
    for (const loc of project.versionLocations) {
      for (const f of listPy(loc, project.recursive)) if (!excluded(f, dirname(ini)) && addFile(f, { transactional: () => project.transactional, env: project.env }, given)) group.files.push(f);
    }
  };

  // A file or directory given on its own may sit in a version location of a project above it
  // (version_locations = … extra/v2): that project's env.py decides, not the one two levels up.
  const projects = new Map<string, AlembicProject | null>();
  const runnerFor = (dir: string): Runner => {
    const project = owningProject(dir, projects);
    if (project) return { transactional: () => project.transactional, env: project.env };
    const env = join(dirname(dir), 'env.py');
    return { transactional: envFlag(envs, env), env };
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      continue; // the SQL discovery reports missing paths
    }
    if (st.isFile()) {
      if (abs.endsWith('.py')) {
        // A single file: its project's env.py (else the one two levels up, next to versions/) tells whether it runs in a transaction.
        addFile(abs, runnerFor(dirname(abs)), p);
      } else if (abs.endsWith('alembic.ini')) addProject(abs, p);
      continue;
    }
    if (!st.isDirectory()) continue;
    if (existsSync(join(abs, 'alembic.ini'))) {
      addProject(join(abs, 'alembic.ini'), p);
      continue;
    }
    const inis: string[] = [];
    const pys: string[] = [];
    walk(abs, (f) => {
      if (excluded(f, abs)) return;
      if (basename(f) === 'alembic.ini') inis.push(f);
      else if (f.endsWith('.py')) pys.push(f);
    });
    for (const ini of inis) addProject(ini, p);
    for (const f of pys) {
      if (claimed.has(f)) continue;
      const dir = dirname(f);
      const runner = runnerFor(dir);
      if (!addFile(f, runner, p)) continue;
      let g = groupByRoot.get(dir);
      if (!g) {
        g = lazyGroup(dir, null, runner.transactional);
        groupByRoot.set(dir, g);
        out.groups.push(g);
      }
      g.files.push(f);
    }
  }
  out.files.sort();
  for (const g of out.groups) g.files.sort();
  out.skipped.sort();
  return out;
}
