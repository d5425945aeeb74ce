/**
 * `migsafe init` layout detection: Alembic (alembic.ini → script_location → versions) and SQL
 * migration folders (migrations/, db/migrate/, supabase/migrations/, Flyway, …).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface AlembicLayout {
  /** alembic.ini, relative to the project root (posix). */
  ini: string;
  /** script_location as written in the ini. */
  scriptLocation: string;
  /** Folders that hold revision files, relative to the project root (posix). */
  versions: string[];
  /** Set when script_location could not be resolved to a folder (e.g. a package:path spec). */
  problem?: string;
}

export interface SqlLayout {
  /** Folder relative to the project root (posix). */
  dir: string;
  sqlFiles: number;
  /** The runner that uses this layout, when the folder name says so. */
  runner?: string;
  /** The runner wraps each file in a transaction by default. */
  transactional?: boolean;
}

export interface Layout {
  root: string;
  alembic: AlembicLayout[];
  sql: SqlLayout[];
}

/** Well-known SQL migration folders, most specific first. */
export const SQL_DIRS: readonly { dir: string; runner?: string; transactional?: boolean }[] = [
  { dir: 'supabase/migrations', runner: 'Supabase CLI' },
  { dir: 'db/migrate' },
  { dir: 'db/migrations' },
  { dir: 'database/migrations' },
  { dir: 'src/main/resources/db/migration', runner: 'Flyway', transactional: true },
  { dir: 'prisma/migrations', runner: 'Prisma Migrate', transactional: true },
  { dir: 'sql/migrations' },
  { dir: 'migrations' },
];

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'dist', 'build', 'target']);
const posix = (p: string) => p.split(sep).join('/');
const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

function countSql(dir: string, limit = 10_000): number {
  let n = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 6 || n >= limit) return;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) walk(join(d, e.name), depth + 1);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.sql')) n++;
    }
  };
  walk(dir, 0);
  return n;
}

/** alembic.ini files in the root and up to two folders down. */
function findAlembicInis(root: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) if (e.isFile() && e.name === 'alembic.ini') found.push(join(d, e.name));
    if (depth < 2) for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) walk(join(d, e.name), depth + 1);
  };
  walk(root, 0);
  return found;
}

/** The `[alembic]` section of an ini file (keys lower-cased, values as written). */
export function parseAlembicIni(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = '';
  let lastKey: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') {
      lastKey = null;
      continue;
    }
    const sec = /^\s*\[([^\]]+)\]/.exec(raw);
    if (sec) {
      section = sec[1]!.trim();
      lastKey = null;
      continue;
    }
    if (section !== 'alembic') continue;
    if (/^\s/.test(raw) && lastKey) {
      out[lastKey] += ' ' + raw.trim(); // continuation line
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!kv) continue;
    lastKey = kv[1]!.trim().toLowerCase();
    out[lastKey] = kv[2]!.trim();
  }
  return out;
}

function alembicLayout(root: string, iniPath: string): AlembicLayout {
  const here = dirname(iniPath);
  const ini = posix(relative(root, iniPath));
  let opts: Record<string, string>;
  try {
    opts = parseAlembicIni(readFileSync(iniPath, 'utf8'));
  } catch {
    return { ini, scriptLocation: '', versions: [], problem: 'cannot read the file' };
  }
  const script = opts['script_location'];
  if (!script) return { ini, scriptLocation: '', versions: [], problem: 'no script_location in [alembic]' };
  const rel = (p: string) => posix(relative(root, p)) || '.';
  const expand = (p: string) => p.replace(/%\(here\)s/g, here);
  const abs = (p: string) => (isAbsolute(expand(p)) ? expand(p) : resolve(here, expand(p)));
  if (/^[A-Za-z_][\w.]*:/.test(script) && !isDir(abs(script))) {
    return { ini, scriptLocation: script, versions: [], problem: `script_location "${script}" is a package resource; add its versions folder to "include" by hand` };
  }
  const scriptDir = abs(script);
  let versions: string[];
  const locations = opts['version_locations'];
  if (locations) {
    const sepChar = opts['version_path_separator'] ?? opts['path_separator'];
    const parts = sepChar === 'os' ? locations.split(':') : sepChar && sepChar !== 'space' ? locations.split(sepChar === 'newline' ? /\n/ : sepChar === 'colon' ? ':' : sepChar === 'semicolon' ? ';' : sepChar) : locations.split(/[\s,]+/);
    versions = parts.map((p) => p.trim()).filter(Boolean).map((p) => rel(abs(p)));
  } else {
    versions = [rel(join(scriptDir, 'versions'))];
  }
  if (!isDir(scriptDir)) return { ini, scriptLocation: script, versions, problem: `script_location "${script}" does not exist yet` };
  return { ini, scriptLocation: script, versions };
}

export function detectLayout(root: string): Layout {
  const alembic = findAlembicInis(root).map((p) => alembicLayout(root, p));
  const sql: SqlLayout[] = [];
  for (const c of SQL_DIRS) {
    const abs = join(root, c.dir);
    if (!isDir(abs)) continue;
    // A folder inside one already found (migrations/ vs supabase/migrations/) is covered by it.
    if (sql.some((s) => c.dir.startsWith(s.dir + '/'))) continue;
    const n = countSql(abs);
    if (n === 0) continue;
    sql.push({ dir: c.dir, sqlFiles: n, ...(c.runner ? { runner: c.runner } : {}), ...(c.transactional ? { transactional: true } : {}) });
  }
  return { root, alembic, sql };
}
