/**
 * Alembic project discovery: `alembic.ini` (script_location, version_locations with
 * version_path_separator, recursive_version_locations), `env.py` (transactional DDL), and the
 * revision files in a versions directory. Nothing is imported or executed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { toPosix, walk, type FileProblem } from '../files.js';
import { looksLikeRevision } from './revision.js';

export interface AlembicProject {
  /** Absolute path of alembic.ini. */
  ini: string;
  scriptLocation: string | null;
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

const SEPARATORS: Record<string, RegExp> = { space: / +/, os: /:/, ':': /:/, ';': /;/, newline: /\n/ };

export function readAlembicIni(iniPath: string): AlembicProject {
  const ini = resolve(iniPath);
  const here = dirname(ini);
  const project: AlembicProject = { ini, scriptLocation: null, versionLocations: [], recursive: false, transactional: true, problems: [] };
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
    const sepName = main!.get('version_path_separator');
    const sep = sepName ? SEPARATORS[sepName] : /, *| +/;
    if (!sep) project.problems.push(`unknown version_path_separator "${sepName}"`);
    project.versionLocations = versions.split(sep ?? /, *| +/).map((s) => s.trim()).filter(Boolean).map((p) => resolve(here, p));
  } else project.versionLocations = [join(project.scriptLocation, 'versions')];
  project.recursive = /^(true|1|yes|on)$/i.test(main!.get('recursive_version_locations') ?? '');
  project.transactional = envTransactional(join(project.scriptLocation, 'env.py'));
  return project;
}

/** env.py that passes `transactional_ddl=False` to context.configure() runs migrations without a transaction. */
export function envTransactional(envPy: string): boolean {
  try {
    return !/\btransactional_ddl\s*=\s*False\b/.test(readFileSync(envPy, 'utf8'));
  } catch {
    return true;
  }
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
 * Expand paths into Alembic revision files. A directory with alembic.ini is a project (its
 * version locations form one graph); any other directory is walked, and the revision files
 * are grouped by directory (projects found inside are used as projects).
 */
export function discoverAlembic(paths: string[], cwd: string, root: string, exclude: string[]): AlembicDiscovery {
  const exc = picomatch(exclude, { dot: true });
  const out: AlembicDiscovery = { files: [], groups: [], transactional: new Map(), problems: [], skipped: [], pathsWithRevisions: new Set() };
  const claimed = new Set<string>();
  const groupByRoot = new Map<string, AlembicGroup>();
  const excluded = (f: string, base: string) => {
    let rel = toPosix(relative(root, f));
    if (rel.startsWith('../') || rel === '..') rel = toPosix(relative(base, f));
    return exc(rel);
  };
  const addFile = (f: string, transactional: boolean, given: string): boolean => {
    if (claimed.has(f)) return true;
    if (!isRevisionFile(f)) {
      if (!out.skipped.includes(f)) out.skipped.push(f);
      return false;
    }
    claimed.add(f);
    out.files.push(f);
    out.transactional.set(f, transactional);
    out.pathsWithRevisions.add(given);
    return true;
  };
  const addProject = (ini: string, given: string) => {
    if (groupByRoot.has(ini)) return;
    const project = readAlembicIni(ini);
    for (const p of project.problems) out.problems.push({ file: toPosix(relative(cwd, ini)) || ini, message: p });
    const group: AlembicGroup = { root: ini, project, files: [], transactional: project.transactional };
    groupByRoot.set(ini, group);
    out.groups.push(group);
    for (const loc of project.versionLocations) {
      for (const f of listPy(loc, project.recursive)) if (!excluded(f, dirname(ini)) && addFile(f, project.transactional, given)) group.files.push(f);
    }
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
        // A single file: its env.py (two levels up, next to versions/) tells whether it runs in a transaction.
        const env = join(dirname(dirname(abs)), 'env.py');
        addFile(abs, envTransactional(env), p);
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
      if (!addFile(f, envTransactional(join(dirname(dir), 'env.py')), p)) continue;
      let g = groupByRoot.get(dir);
      if (!g) {
        g = { root: dir, project: null, files: [], transactional: out.transactional.get(f)! };
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
