/**
 * Where does the CLI's time go? Run it under `node --cpu-prof` and fold the V8 CPU profile into
 * categories (self time) and into inclusive times of the pipeline's main functions.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTimed } from './measure.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileReport {
  /** Sampled time in seconds (excludes what happens before the profiler starts). */
  total: number;
  /** Self time by category, seconds, largest first. */
  categories: { name: string; seconds: number }[];
  /** Inclusive time of pipeline stages, seconds (a stage includes the stages it calls). */
  stages: { name: string; seconds: number }[];
  /** Top functions by self time. */
  topSelf: { name: string; seconds: number }[];
}

/**
 * Self-time category of one frame, or null for a generic frame (Node internals, natives such as
 * `open` or `decode`) whose time belongs to whoever called it. Order matters: first match wins.
 */
export function categorize(f: CallFrame): string | null {
  const u = f.url;
  const fn = f.functionName;
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return 'V8 native (compile, WASM tier-up, unattributed)';
  if (fn === '(idle)') return 'idle';
  if (fn === '(root)') return 'other';
  if (u.startsWith('wasm://')) return 'parser: libpg_query WASM (C parse + C-side JSON output)';
  if (fn === 'GenericJSToWasmWrapper') return 'parser: JS↔WASM strings and calls';
  if (u.includes('/libpg-query/')) {
    if (/^parse(PlPgSQL)?Sync$|^scanSync$/.test(fn)) return 'parser: JSON.parse of the parse tree (parseSync self)';
    return 'parser: JS↔WASM strings and calls';
  }
  if (u.includes('/src/sources/sql/lexer.')) return 'lexer (comment scan / statement split)';
  if (u.includes('/src/sources/sql/') || u.includes('/src/sources/source-text.') || u.includes('/src/sources/directives.')) return 'front end: AST → operations';
  if (u.includes('/src/sources/files.') || u.includes('/picomatch/')) return 'file discovery and reading';
  if (u.includes('/src/engine/') || u.includes('/rules/') || u.includes('/src/model/') || u.includes('/src/release/')) return 'engine + rules';
  if (u.includes('/src/report/')) return 'report (line/column + JSON render)';
  if (u.includes('/src/lint.')) return 'lint() loop (incl. path.relative per file)';
  if (u.includes('/src/cli/io.')) return 'writing the report to stdout';
  if (u.includes('/src/cli/') || u.includes('/src/config/') || u.includes('/commander/') || u.includes('/zod/')) return 'CLI + config';
  if (u.startsWith('node:internal/modules') || u.startsWith('node:internal/bootstrap')) return 'module loading / bootstrap';
  const dep = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
  if (dep) return `dependency code: ${dep[1]}`;
  if (u.startsWith('file://')) return 'other project code';
  return null;
}

/** Pipeline stages reported with inclusive time: [label, function name, url fragment]. */
export const STAGES: [string, string, string][] = [
  ['lint() total', 'lint', '/src/lint.'],
  ['  discover files (discoverSql)', 'discoverSql', '/src/sources/files.'],
  ['  read + UTF-8 check (readText)', 'readText', '/src/sources/files.'],
  ['  front end (loadSqlMigration)', 'loadSqlMigration', '/src/sources/sql/index.'],
  ['    libpg-query parseSync (WASM + JSON.parse)', 'parseSync', '/libpg-query/'],
  ['    libpg-query parsePlPgSQLSync (DO bodies)', 'parsePlPgSQLSync', '/libpg-query/'],
  ['    AST → operations (convertStatement)', 'convertStatement', '/src/sources/sql/convert.'],
  ['    lexer (lex)', 'lex', '/src/sources/sql/lexer.'],
  ['  engine: rule pass (checkMigration)', 'checkMigration', '/src/engine/lint-migration.'],
  ['  engine: suppressions (applySuppressions)', 'applySuppressions', '/src/engine/lint-migration.'],
  ['renderJson (report)', 'renderJson', '/src/report/json.'],
  ['  locate (byte offset → line/column)', 'locate', '/src/report/located.'],
];

export function analyzeProfile(p: CpuProfile): ProfileReport {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const cat = new Map<string, number>();
  const self = new Map<string, number>();
  const stage = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    // timeDeltas[i] is the time since the previous sample; attribute the gap after sample i to it.
    const dt = (i + 1 < p.timeDeltas.length ? p.timeDeltas[i + 1]! : 0) / 1e6;
    if (dt <= 0) continue;
    const node = byId.get(p.samples[i]!);
    if (!node) continue;
    total += dt;
    let c: string | null = null;
    for (let id: number | undefined = node.id; id !== undefined && c === null; id = parent.get(id)) c = categorize(byId.get(id)!.callFrame);
    c ??= 'Node internals (other)';
    cat.set(c, (cat.get(c) ?? 0) + dt);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      for (const [label, fn, frag] of STAGES) {
        if (f.functionName === fn && f.url.includes(frag) && !seen.has(label)) {
          seen.add(label);
          stage.set(label, (stage.get(label) ?? 0) + dt);
        }
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([name, seconds]) => ({ name, seconds }));
  return {
    total,
    categories: sorted(cat),
    // A stage V8 inlined into its caller has no frame of its own: leave it out rather than show 0.
    stages: STAGES.filter(([label]) => stage.has(label)).map(([label]) => ({ name: label, seconds: stage.get(label)! })),
    topSelf: sorted(self).slice(0, 20),
  };
}

function shortUrl(u: string): string {
  if (!u) return '';
  const m = /(?:node_modules\/|dist\/)(.*)$/.exec(u);
  return m ? m[1]! : u.replace(/^file:\/\//, '');
}

/** Run `node --cpu-prof <args>` once and analyse the profile. Null when no profile was written. */
export async function profileNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ProfileReport | null> {
  const dir = mkdtempSync(join(tmpdir(), 'migsafe-prof-'));
  try {
    const r = await spawnTimed(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...args], { cwd, env, keepStdout: false });
    if (r.error) return null;
    const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
    if (!f) return null;
    return analyzeProfile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
