/**
 * The Alembic section of `npm run bench` (`--only alembic`): the seeded corpus of
 * alembic-corpus.ts, measured in-process (the front end alone, and lint()), as a CLI, for peak
 * RSS, and stage by stage (tree-sitter parse, getting the tree out of WASM, extraction, the SQL
 * of op.execute). Target: the front end reads ≥ 3 MB/s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Corpus } from './corpus.js';
import { generateAlembicCorpus } from './alembic-corpus.js';
import { fmtMB, fmtRate, fmtS, jsonFiles, MB, measurePeakRss, spawnRepeated, spawnTimed, stats, timeRepeated, type RssResult, type SpawnResult, type Stats } from './measure.js';
import { profileNode } from './profile.js';

// dist/bench/alembic.js → repository root
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'migsafe.js');
const CORPUS_DIR = join(ROOT, 'bench', '.corpus', 'alembic');

/** Target throughput of the Alembic front end (issue 3). */
export const ALEMBIC_TARGET_MBS = 3;

/** The runner's options this section reads (a subset of run.ts's Options). */
export interface AlembicBenchOptions {
  runs: number;
  inprocRuns: number;
  profile: 'auto' | 'yes' | 'no';
  regen: boolean;
}

type Status = 'PASS' | 'MISS' | '';
interface Row {
  measure: string;
  migsafe: string;
  squawk: string;
  target: string;
  status: Status;
}
export interface AlembicSectionResult {
  name: string;
  title: string;
  corpus: Corpus;
  rows: Row[];
  details: string[];
  notes: string[];
}

const log = (s = '') => console.log(s);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** PASS/MISS as in the SQL section: on the median (the best is printed beside it). */
const check = (mbs: number): Status => (mbs >= ALEMBIC_TARGET_MBS ? 'PASS' : 'MISS');
const TARGET = `≥ ${ALEMBIC_TARGET_MBS} MB/s`;
const NOT_SQUAWK = '— (SQL only)';

export async function runAlembicSection(o: AlembicBenchOptions): Promise<AlembicSectionResult> {
  const rows: Row[] = [];
  const details: string[] = [];
  const notes: string[] = [];

  // 1. Corpus ------------------------------------------------------------------------------
  const t0 = performance.now();
  const corpus = generateAlembicCorpus({ dir: CORPUS_DIR, force: o.regen });
  const files = corpus.files.length;
  const sizes = corpus.files.map((f) => statSync(join(corpus.dir, f)).size);
  const sz = stats(sizes);
  const p90 = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length * 0.9)]!;
  const opts = corpus.options as { merges?: number };
  log(`corpus: ${files} revision files, ${int(corpus.units)} operation calls, ${fmtMB(corpus.bytes)} (${corpus.reused ? 'reused' : `generated in ${fmtS((performance.now() - t0) / 1000)}`})`);
  log(`        file size median ${int(sz.median)} B, p90 ${int(p90)} B, max ${int(sz.max)} B; ${sizes.filter((s) => s > 50_000).length} files > 50 KB; ${corpus.brokenFiles} with a syntax error`);
  log(`        sha256 ${corpus.sha256.slice(0, 16)}…  dir ${relative(ROOT, corpus.dir)}`);
  const rate = (seconds: number) => `${fmtRate(files / seconds, 'files/s')} · ${fmtRate(corpus.bytes / MB / seconds, 'MB/s')}`;
  const mbs = (seconds: number) => corpus.bytes / MB / seconds;
  rows.push({
    measure: 'Corpus (synthetic, seeded Alembic project)',
    migsafe: `${int(files)} revision files (one chain, ${opts.merges ?? 0} merges) · ${int(corpus.units)} operation calls · ${fmtMB(corpus.bytes)}`,
    squawk: NOT_SQUAWK, target: '', status: '',
  });

  // 2. Where the CLI finds the corpus (the project directory, which holds alembic.ini) -------
  let cliCwd = ROOT;
  let cliPath = relative(ROOT, corpus.dir);
  const probe = await spawnTimed(process.execPath, [BIN, 'lint', cliPath, '--format', 'json'], { cwd: ROOT });
  if (jsonFiles(probe) !== files) {
    const msg = `\`migsafe lint ${cliPath}\` (run from the repository root) linted ${jsonFiles(probe) ?? 'no'} of ${files} files${probe.stderr ? ` — stderr: "${probe.stderr.trim().split('\n')[0]}"` : ''}; the benchmark runs it from \`${relative(ROOT, dirname(corpus.dir))}\` instead.`;
    cliCwd = dirname(corpus.dir);
    cliPath = basename(corpus.dir);
    notes.push(msg);
    log(`note: ${msg}`);
  } else {
    const r = JSON.parse(probe.stdout);
    const byRule = new Map<string, number>();
    for (const f of r.findings as { rule: string }[]) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const top = [...byRule].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${int(v)}`);
    notes.push(`The CLI reports ${int(r.findings.length)} findings on the corpus (${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.suppressed} suppressed): ${top.join(', ')}.`);
  }
  const cliArgs = [BIN, 'lint', cliPath, '--format', 'json'];
  const expectAll = (r: SpawnResult) => {
    if (r.code !== 0 && r.code !== 1) return `migsafe exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    const n = jsonFiles(r);
    return n === files ? null : `migsafe linted ${n ?? 'no'} of ${files} files`;
  };

  // 3. In-process: the front end alone, then lint() ------------------------------------------
  log(`\nin-process, ${o.inprocRuns} runs after 1 warm-up …`);
  const inproc = await measureInProcess(corpus, cliCwd, cliPath, o.inprocRuns);
  if (inproc) {
    const fe = inproc.frontEnd;
    log(`  front end (loadAlembicFile on every file): best ${fmtS(fe.min)}, median ${fmtS(fe.median)} → ${rate(fe.min)} (best), ${rate(fe.median)} (median)`);
    log(`  front end found ${int(inproc.opCalls)} of the ${int(corpus.units)} operation calls written (${corpus.brokenFiles} files have a syntax error)`);
    rows.push({
      measure: `In-process front end (text → Migration model, every file), best / median of ${o.inprocRuns}`,
      migsafe: `${fmtS(fe.min)} / ${fmtS(fe.median)} · ${rate(fe.min)} / ${fmtRate(mbs(fe.median), 'MB/s')}`,
      squawk: NOT_SQUAWK, target: TARGET, status: check(mbs(fe.median)),
    });
    for (const l of inproc.lint) {
      log(`  lint() ${l.label}: best ${fmtS(l.stats.min)}, median ${fmtS(l.stats.median)} → ${rate(l.stats.min)}`);
      rows.push({
        measure: `In-process \`lint()\` ${l.label}, best / median of ${o.inprocRuns}`,
        migsafe: `${fmtS(l.stats.min)} / ${fmtS(l.stats.median)} · ${rate(l.stats.min)} / ${fmtRate(mbs(l.stats.median), 'MB/s')}`,
        squawk: NOT_SQUAWK, target: TARGET, status: check(mbs(l.stats.median)),
      });
    }
    if (inproc.opCalls < corpus.units * 0.99) notes.push(`The front end found only ${int(inproc.opCalls)} of the ${int(corpus.units)} operation calls the generator wrote.`);
  } else notes.push('In-process measurement failed (see the console output).');

  // 4. Stage breakdown -----------------------------------------------------------------------
  log('\nstage breakdown …');
  try {
    const b = await stageBreakdown(corpus);
    details.push(b.markdown);
    for (const l of b.console) log(`  ${l}`);
  } catch (e: any) {
    log(`  stage breakdown unavailable: ${e?.stack ?? e}`);
    notes.push(`Stage breakdown unavailable: ${e?.message ?? e}`);
  }

  // 5. CLI on the whole corpus ---------------------------------------------------------------
  log(`\nCLI on the corpus (${o.runs} runs after 1 warm-up) …`);
  let rss: RssResult | null = null;
  try {
    const r = await spawnRepeated(process.execPath, cliArgs, o.runs, { cwd: cliCwd, check: expectAll, rusage: true });
    log(`  migsafe: median ${fmtS(r.stats.median)} (min ${fmtS(r.stats.min)}, max ${fmtS(r.stats.max)}) → ${rate(r.stats.median)}${r.cpu ? `; CPU median ${fmtS(r.cpu.median)}` : ''}`);
    rows.push({
      measure: `CLI wall, whole corpus, \`--format json\`, median (min) of ${o.runs}`,
      migsafe: `${fmtS(r.stats.median)} (${fmtS(r.stats.min)}) · ${rate(r.stats.median)}`, squawk: NOT_SQUAWK, target: TARGET, status: check(mbs(r.stats.median)),
    });
    if (r.cpu) rows.push({ measure: `CPU time (user + sys), CLI on the whole corpus, median of ${r.cpu.n}`, migsafe: fmtS(r.cpu.median), squawk: NOT_SQUAWK, target: '', status: '' });
    if (r.maxRss !== null) rss = { maxRss: r.maxRss, method: 'GNU time `%M` (the kernel\'s wait4 rusage of the child), max over the timed runs', code: 0 };
  } catch (e: any) {
    log(`  migsafe CLI failed: ${e?.message ?? e}`);
    notes.push(`CLI corpus run failed: ${e?.message ?? e}`);
  }
  if (existsSync(join(ROOT, 'dist', 'src', 'parallel', 'lint-files.js'))) {
    // The same run on one thread (MIGSAFE_THREADS=1): the front end's serial throughput as a CLI.
    try {
      const one = await spawnRepeated(process.execPath, cliArgs, o.runs, { cwd: cliCwd, env: { ...process.env, MIGSAFE_THREADS: '1' }, check: expectAll, rusage: true });
      log(`  migsafe, MIGSAFE_THREADS=1: median ${fmtS(one.stats.median)} (min ${fmtS(one.stats.min)}) → ${rate(one.stats.median)}${one.maxRss ? `; peak RSS ${fmtMB(one.maxRss)}` : ''}`);
      rows.push({
        measure: `CLI wall, one thread (\`MIGSAFE_THREADS=1\`), median (min) of ${o.runs}`,
        migsafe: `${fmtS(one.stats.median)} (${fmtS(one.stats.min)}) · ${rate(one.stats.median)}${one.maxRss ? `; peak RSS ${fmtMB(one.maxRss)}` : ''}`,
        squawk: NOT_SQUAWK, target: TARGET, status: check(mbs(one.stats.median)),
      });
    } catch (e: any) {
      notes.push(`One-thread CLI run failed: ${e?.message ?? e}`);
    }
  }

  // 6. Peak RSS ------------------------------------------------------------------------------
  if (!rss) {
    log('\npeak RSS …');
    rss = await measurePeakRss(process.execPath, cliArgs, { cwd: cliCwd, node: true });
  }
  log(rss ? `  migsafe peak RSS ${fmtMB(rss.maxRss)} (${rss.method})` : '  migsafe peak RSS: could not measure');
  rows.push({ measure: 'Peak RSS, CLI on the whole corpus (default threads)', migsafe: rss ? fmtMB(rss.maxRss) : 'n/a', squawk: NOT_SQUAWK, target: '', status: '' });
  if (rss) notes.push(`Peak RSS measured with ${rss.method}.`);

  // 7. Profile when a target is missed (or on request), as the SQL section does -----------------
  if (o.profile === 'yes' || (o.profile === 'auto' && rows.some((r) => r.status === 'MISS'))) {
    log('\nprofiling the CLI on the corpus (node --cpu-prof, unbundled, one thread) …');
    const p = await profileNode(cliArgs, cliCwd, { ...process.env, MIGSAFE_NO_BUNDLE: '1', MIGSAFE_THREADS: '1' });
    if (p) {
      const lines = p.topSelf.slice(0, 15).map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${fmtS(f.seconds)} |`);
      for (const f of p.topSelf.slice(0, 15)) log(`    ${fmtS(f.seconds).padStart(8)}  ${f.name}`);
      details.push([`#### CPU profile of the CLI on the corpus (\`node --cpu-prof\`, ${fmtS(p.total)} sampled; WASM frames are tree-sitter's and libpg-query's)`, '', '| top functions by self time | time |', '|---|---|', ...lines].join('\n'));
    }
  }

  notes.push(
    'The front end parses each file with tree-sitter (WASM), copies the statements out of the tree and reads the expressions inside them from the source text (src/sources/alembic/expr.ts), then evaluates the op calls and sends op.execute SQL through the SQL front end. The stage breakdown shows the tree-sitter parse alone next to the whole front end.',
  );
  return { name: 'alembic', title: 'Alembic migrations', corpus, rows, details, notes };
}

// ---------------------------------------------------------------------------------------------
// In-process

interface InProcess {
  frontEnd: Stats;
  opCalls: number;
  lint: { label: string; stats: Stats }[];
}

const mod = (p: string) => import(pathToFileURL(join(ROOT, 'dist', 'src', p)).href) as Promise<any>;

async function measureInProcess(corpus: Corpus, cwd: string, path: string, runs: number): Promise<InProcess | null> {
  try {
    const alembic = await mod('sources/alembic/index.js');
    const sql = await mod('sources/sql/index.js');
    await Promise.all([alembic.loadPythonParser(), sql.loadSqlParser()]);
    const texts = corpus.files.map((f) => ({ file: f, text: readFileSync(join(corpus.dir, f), 'utf8') }));
    let opCalls = 0;
    const fe = await timeRepeated(() => {
      let n = 0;
      for (const t of texts) n += alembic.loadAlembicFile({ file: t.file, text: t.text }).opCalls as number;
      opCalls = n;
    }, runs, 1);

    const { lint } = await import('../src/lint.js');
    const { loadConfig } = await import('../src/config/load.js');
    const { ruleIds } = await import('../rules/index.js');
    const config = loadConfig(cwd, undefined, ruleIds);
    const out: InProcess['lint'] = [];
    // threads: 1 is the front end's serial throughput plus the engine; the default uses the worker pool where there is one.
    for (const [label, threads] of [['one thread', 1], ['default threads', undefined]] as const) {
      const opts: Record<string, unknown> = { paths: [path], cwd, config };
      if (threads !== undefined) opts.threads = threads;
      const r = await timeRepeated(() => lint(opts as any), runs, 1);
      const n = new Set(r.last.migrations.map((m) => m.file)).size;
      if (n !== corpus.files.length) throw new Error(`lint() returned ${n} files, expected ${corpus.files.length}`);
      out.push({ label, stats: r.stats });
    }
    return { frontEnd: fe.stats, opCalls, lint: out };
  } catch (e: any) {
    log(`  in-process measurement failed: ${e?.stack ?? e}`);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Stage breakdown

/**
 * Each stage of the front end timed on its own over the whole corpus (best of 5 after a
 * warm-up). Internal modules are imported loosely (any), so a refactor in src/ degrades this
 * table instead of breaking the build.
 */
async function stageBreakdown(corpus: Corpus): Promise<{ markdown: string; console: string[] }> {
  const files = await mod('sources/files.js');
  const alembic = await mod('sources/alembic/index.js');
  const parser = await mod('sources/alembic/parser.js');
  const extract = await mod('sources/alembic/extract.js');
  const values = await mod('sources/alembic/values.js');
  const sqlSrc = await mod('sources/alembic/sql.js');
  const analyze = await mod('sources/sql/analyze.js');
  const sqlIndex = await mod('sources/sql/index.js');
  const sourceText = await mod('sources/source-text.js');
  const engineMod = await mod('engine/lint-migration.js');
  const lintMod = await mod('lint.js');
  const { ruleIds } = await import('../rules/index.js');
  await Promise.all([alembic.loadPythonParser(), sqlIndex.loadSqlParser()]);

  /** Best of 5 after a warm-up; with `timesItself`, fn returns its own time in ms. */
  const best = (fn: () => unknown, timesItself = false) => {
    fn();
    let b = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const own = fn();
      b = Math.min(b, (timesItself ? (own as number) : performance.now() - t) / 1000);
    }
    return b;
  };
  const abs = corpus.files.map((f) => join(corpus.dir, f));
  const texts: string[] = abs.map((f) => readFileSync(f, 'utf8'));
  const bytes = corpus.bytes;

  // tree-sitter alone: a parser of our own over the same grammar, parse + delete.
  const require = createRequire(join(ROOT, 'package.json'));
  const ts = await import('web-tree-sitter');
  await ts.Parser.init();
  const lang = await ts.Language.load(join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'));
  const tsParser = new ts.Parser();
  tsParser.setLanguage(lang);

  // The static SQL the front end hands to the SQL front end (op.execute, connection.execute), found the way ops.ts finds it.
  const sqlJobs: { sql: string; toFile: (i: number) => number }[] = [];
  for (const text of texts) {
    const { root } = parser.parsePython(text);
    const source = new sourceText.SourceText(text);
    const ex = new extract.BodyExtractor(text, extract.moduleNames(text, root), values.Scope.forBody(text, root, null));
    for (const name of ['upgrade', 'downgrade']) {
      const fn = extract.findFunction(text, root, name);
      if (!fn) continue;
      for (const ev of ex.extract(fn)) {
        if (ev.kind !== 'call' || !(ev.via === 'bind' || (ev.via === 'op' && ev.fn === 'execute'))) continue;
        const v = ev.via === 'bind' ? values.arg(ev.call, 0, 'statement', 'sqltext') : values.arg(ev.call, 0, 'sqltext');
        const s = sqlSrc.sqlSource(v);
        if (s.kind !== 'static' || s.s.value.trim() === '') continue;
        const map: number[] = s.s.map;
        const last = map[s.s.value.length]!;
        sqlJobs.push({ sql: ev.fn === 'exec_driver_sql' ? s.s.value : sqlSrc.maskBindParams(s.s.value), toFile: (i: number) => source.byteAt(map[i] ?? last) });
      }
    }
  }
  const sqlChars = sqlJobs.reduce((a, j) => a + j.sql.length, 0);

  const rows: [string, number | null][] = [];
  rows.push(['read + UTF-8 check (readText)', best(() => { for (const f of abs) files.readText(f); })]);
  const parse = best(() => { for (const t of texts) tsParser.parse(t)!.delete(); });
  rows.push(['tree-sitter parse (WASM, + tree.delete())', parse]);
  const copyAll = best(() => { for (const t of texts) parser.parsePython(t, { copyAll: true }); });
  rows.push(['  copying every node out of WASM instead (parsePython copyAll, minus the parse)', copyAll - parse]);
  const pyParse = best(() => { for (const t of texts) parser.parsePython(t); });
  rows.push(['tree → PyNodes: statements copied, expressions read from the text (parsePython minus the parse)', pyParse - parse]);
  const sqlTime = best(() => { for (const j of sqlJobs) analyze.analyzeSql(j.sql, j.toFile); });
  let migrations: any[] = [];
  const frontEnd = best(() => {
    migrations = [];
    for (let i = 0; i < texts.length; i++) {
      const a = alembic.loadAlembicFile({ file: corpus.files[i], text: texts[i] });
      migrations.push(a.upgrade, a.downgrade);
    }
  });
  // Extraction on its own: each file's tree is built untimed, then alembicFileFromTree() is timed (minus the SQL, its own row).
  let extraction: number;
  if (typeof alembic.alembicFileFromTree === 'function') {
    extraction = best(() => {
      let total = 0;
      for (let i = 0; i < texts.length; i++) {
        const parsed = parser.parsePython(texts[i]);
        const t = performance.now();
        alembic.alembicFileFromTree({ file: corpus.files[i], text: texts[i] }, parsed);
        total += performance.now() - t;
      }
      return total;
    }, true) - sqlTime;
  } else extraction = frontEnd - pyParse - sqlTime;
  rows.push(['extraction: op calls, values, columns, directives, revision header → operations (alembicFileFromTree, without the SQL)', extraction]);
  rows.push([`SQL of op.execute / connection.execute through the SQL front end (analyzeSql, ${int(sqlJobs.length)} strings, ${fmtMB(sqlChars)})`, sqlTime]);
  rows.push(['front end total (loadAlembicFile)', frontEnd]);
  const engine = { active: lintMod.activeRules({ rules: {} }), known: ruleIds, pgVersion: 15 };
  rows.push(['engine (checkMigration on upgrade and downgrade)', best(() => { for (const m of migrations) engineMod.checkMigration(m, engine); })]);

  // tree-sitter under --liftoff-only, as bin/migsafe.js runs WASM.
  const liftoff = liftoffParse(abs.slice(0, 600));
  const ops = migrations.reduce((a, m) => a + m.operations.length, 0);
  const rate = (s: number | null) => (s !== null && s > 0 ? fmtRate(bytes / MB / s, '') : '');
  const md = [
    `#### Alembic front end, stage by stage (best of 5, warm; ${int(texts.length)} files, ${fmtMB(bytes)} → ${int(ops)} operations)`,
    '',
    '| stage | time | MB/s of Python |',
    '|---|---|---|',
    ...rows.map(([name, s]) => `| ${name.replace(/^( +)/, (m) => '&nbsp;'.repeat(m.length * 2))} | ${s !== null && s > 0 ? fmtS(s) : 'n/a (noise)'} | ${/^\s/.test(name) ? '' : rate(s)} |`),
    '',
    `The tree-sitter parse alone runs at ${rate(parse)} MB/s here, so it bounds the front end: ${((parse / frontEnd) * 100).toFixed(0)} % of the front end's time is the parse.`,
  ];
  if (liftoff) md.push(`Under \`--liftoff-only\`, which bin/migsafe.js sets for every run (libpg-query start-up), the same tree-sitter parse runs at ${fmtRate(liftoff.mbs, 'MB/s')} (${liftoff.files} files, best of 3, in a child process): the CLI pays that on Alembic projects.`);
  const consoleLines = rows.map(([name, s]) => `${(s !== null ? fmtS(s) : 'n/a').padStart(8)}  ${rate(s).padStart(6)}  ${name}`);
  if (liftoff) consoleLines.push(`tree-sitter parse under --liftoff-only: ${fmtRate(liftoff.mbs, 'MB/s')}`);
  return { markdown: md.join('\n'), console: consoleLines };
}

/** tree-sitter's parse speed in a child Node with `--liftoff-only` (best of 3 passes over `files`). */
function liftoffParse(files: string[]): { mbs: number; files: number } | null {
  const require = createRequire(join(ROOT, 'package.json'));
  let wts: string;
  let wasm: string;
  try {
    wts = import.meta.resolve('web-tree-sitter');
    wasm = join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm');
  } catch {
    return null;
  }
  const code = `
    import { readFileSync } from 'node:fs';
    const ts = await import(${JSON.stringify(wts)});
    await ts.Parser.init();
    const p = new ts.Parser();
    p.setLanguage(await ts.Language.load(${JSON.stringify(wasm)}));
    const texts = ${JSON.stringify(files)}.map((f) => readFileSync(f, 'utf8'));
    const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
    let best = Infinity;
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      for (const t of texts) p.parse(t).delete();
      if (i > 0) best = Math.min(best, (performance.now() - t0) / 1000);
    }
    console.log(JSON.stringify({ mbs: bytes / 1e6 / best }));
  `;
  const r = spawnSync(process.execPath, ['--liftoff-only', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 });
  try {
    return { mbs: JSON.parse(r.stdout.trim()).mbs as number, files: files.length };
  } catch {
    return null;
  }
}
