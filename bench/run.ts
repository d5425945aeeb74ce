/**
 * `npm run bench`: generate the corpora, measure migsafe (in-process and as a CLI) and squawk on
 * them, print a markdown table and write it to bench/results.md.
 *
 *   npm run bench -- [--only sql[,…]] [--runs 3] [--inproc-runs 5] [--cold-runs 15]
 *                    [--profile | --no-profile] [--regen] [--no-squawk] [--out bench/results.md]
 *
 * Each corpus is a section (see SECTIONS below); a later generator (e.g. Alembic) adds one entry.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateSqlCorpus, type Corpus } from './corpus.js';
import { runAlembicSection } from './alembic.js';
import { fmtMB, fmtRate, fmtS, jsonFiles, MB, measurePeakRss, spawnRepeated, spawnTimed, stats, timeRepeated, type RssResult, type SpawnResult, type Stats } from './measure.js';
import { profileNode, STAGES, type ProfileReport } from './profile.js';
import { benchStaged } from './staged.js';
import { threadCount } from '../src/parallel/lint-files.js';

// dist/bench/run.js → repository root
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const BIN = join(ROOT, 'bin', 'migsafe.js');
const CORPUS_ROOT = join(ROOT, 'bench', '.corpus');

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  only: string[] | null;
  runs: number;
  inprocRuns: number;
  coldRuns: number;
  profile: 'auto' | 'yes' | 'no';
  regen: boolean;
  squawk: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { only: null, runs: 3, inprocRuns: 5, coldRuns: 15, profile: 'auto', regen: false, squawk: true, out: join(ROOT, 'bench', 'results.md') };
  const num = (v: string | undefined, flag: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, not "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i];
    switch (flag) {
      case '--only': o.only = String(val() ?? '').split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--runs': o.runs = num(val(), flag); break;
      case '--inproc-runs': o.inprocRuns = num(val(), flag); break;
      case '--cold-runs': o.coldRuns = num(val(), flag); break;
      case '--profile': o.profile = 'yes'; break;
      case '--no-profile': o.profile = 'no'; break;
      case '--regen': o.regen = true; break;
      case '--no-squawk': o.squawk = false; break;
      case '--out': o.out = resolve(String(val())); break;
      case '-h': case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).map((l) => l.replace(/^ \*\s?/, '')).join('\n'));
        process.exit(0);
      default: throw new Error(`unknown option "${a}" (try --help)`);
    }
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Results

type Status = 'PASS' | 'MISS' | '';
interface Row {
  measure: string;
  migsafe: string;
  squawk: string;
  target: string;
  status: Status;
}
interface SectionResult {
  name: string;
  title: string;
  corpus: Corpus;
  rows: Row[];
  /** Extra markdown blocks (breakdowns, profiles) for results.md. */
  details: string[];
  notes: string[];
}
interface Section {
  name: string;
  run(o: Options): Promise<SectionResult>;
}

const SECTIONS: Section[] = [{ name: 'sql', run: runSqlSection }, { name: 'staged', run: runStagedSection }, { name: 'alembic', run: runAlembicSection }];

/** `lint --staged` in a 500-migration repository with one staged file (issue: ≤ 0.5 s). */
async function runStagedSection(o: Options): Promise<SectionResult> {
  const sql = generateSqlCorpus({ dir: join(CORPUS_ROOT, 'sql'), force: o.regen });
  const r = await benchStaged(sql, ROOT, BIN);
  log(`staged: 500 committed migrations + 1 staged: median ${fmtS(r.median)} (min ${fmtS(r.min)}), ${r.findings} finding(s)`);
  return {
    name: 'staged', title: '`lint --staged` in a 500-migration repository', corpus: r.corpus, details: [],
    notes: ['Only changed or unreleased migrations are parsed; the 500 released ones are read from `git ls-tree` by name only.'],
    rows: [{ measure: '`migsafe lint --staged`, 500 migrations, 1 staged file, wall median of 7', migsafe: `${fmtS(r.median)} (min ${fmtS(r.min)})`, squawk: '—', target: '≤ 0.5 s', status: check(r.median <= 0.5) }],
  };
}

const log = (s = '') => console.log(s);
const check = (ok: boolean): Status => (ok ? 'PASS' : 'MISS');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** GNU time reports CPU in 10 ms steps. */
const fmtCpu = (s: number) => (s < 0.01 ? '< 10 ms' : fmtS(s));

// ---------------------------------------------------------------------------------------------
// squawk

interface Squawk {
  bin: string;
  version: string;
  /** The npm wrapper (a Node script that spawns `bin`), when present. */
  wrapper: string | null;
}

function findSquawk(): Squawk | null {
  const candidates: string[] = [];
  // MIGSAFE_BENCH_SQUAWK=/path/to/squawk picks a binary (e.g. a system install); any other path that does not exist means "none".
  const forced = process.env.MIGSAFE_BENCH_SQUAWK;
  if (forced) candidates.push(forced);
  else try {
    const req = createRequire(join(ROOT, 'package.json'));
    candidates.push(req('squawk-cli/js/index.js').getBinaryPath());
  } catch {
    /* not installed, or no binary for this platform */
  }
  if (!forced) candidates.push(join(ROOT, 'node_modules', '.bin', 'squawk'));
  const wrapper = !forced && existsSync(join(ROOT, 'node_modules', '.bin', 'squawk')) ? join(ROOT, 'node_modules', '.bin', 'squawk') : null;
  for (const bin of candidates) {
    if (!existsSync(bin)) continue;
    try {
      const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20000 });
      if (r.status === 0 && /squawk/i.test(r.stdout)) return { bin, version: r.stdout.trim(), wrapper: wrapper && wrapper !== bin ? wrapper : null };
    } catch {
      /* try the next */
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The SQL section

async function runSqlSection(o: Options): Promise<SectionResult> {
  const rows: Row[] = [];
  const details: string[] = [];
  const notes: string[] = [];

  // 1. Corpus ------------------------------------------------------------------------------
  const t0 = performance.now();
  const corpus = generateSqlCorpus({ dir: join(CORPUS_ROOT, 'sql'), force: o.regen });
  const sizes = corpus.files.map((f) => statSync(join(corpus.dir, f)).size);
  const sz = stats(sizes);
  const p90 = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length * 0.9)]!;
  log(`corpus: ${corpus.files.length} files, ${int(corpus.units)} statements, ${fmtMB(corpus.bytes)} (${corpus.reused ? 'reused' : `generated in ${fmtS((performance.now() - t0) / 1000)}`})`);
  log(`        file size median ${int(sz.median)} B, p90 ${int(p90)} B, max ${int(sz.max)} B; ${sizes.filter((s) => s > 50_000).length} files > 50 KB; ${corpus.brokenFiles} with a syntax error`);
  log(`        sha256 ${corpus.sha256.slice(0, 16)}…  dir ${relative(ROOT, corpus.dir)}`);
  const files = corpus.files.length;
  const rate = (seconds: number) => `${fmtRate(files / seconds, 'files/s')} · ${fmtRate(corpus.bytes / MB / seconds, 'MB/s')}`;
  rows.push({
    measure: 'Corpus (synthetic, seeded)',
    migsafe: `${int(files)} files · ${int(corpus.units)} statements · ${fmtMB(corpus.bytes)}`,
    squawk: 'same files', target: '', status: '',
  });

  // 2. Where the CLI finds the corpus --------------------------------------------------------
  // The brief's command is `migsafe lint bench/.corpus/sql`. Probe it: if it does not lint every
  // file, run from inside bench/.corpus instead and say why.
  const literalRel = relative(ROOT, corpus.dir);
  let cliCwd = ROOT;
  let cliPath = literalRel;
  const probe = await spawnTimed(process.execPath, [BIN, 'lint', literalRel, '--format', 'json'], { cwd: ROOT });
  const probeFiles = jsonFiles(probe);
  if (probeFiles !== files) {
    cliCwd = dirname(corpus.dir);
    cliPath = basename(corpus.dir);
    const msg = `\`migsafe lint ${literalRel}\` (run from the repository root) linted ${probeFiles ?? 'no'} of ${files} files${probe.stderr ? ` — stderr: "${probe.stderr.trim().split('\n')[0]}"` : ''}. ` +
      `The corpus directory sits under a dot-directory (\`.corpus\`), and discovery matches include globs with picomatch \`dot: false\` against the path relative to the config root, so \`**/*.sql\` never matches. ` +
      `The benchmark therefore runs \`migsafe lint ${cliPath}\` from \`${relative(ROOT, cliCwd)}\`.`;
    notes.push(msg);
    log(`note: ${msg}`);
  }
  const cliArgs = [BIN, 'lint', cliPath, '--format', 'json'];
  const expectAll = (r: SpawnResult) => {
    if (r.code !== 0 && r.code !== 1) return `migsafe exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    const n = jsonFiles(r);
    return n === files ? null : `migsafe linted ${n ?? 'no'} of ${files} files`;
  };

  // 3. In-process lint() ---------------------------------------------------------------------
  log('\nin-process lint() …');
  const inproc = await measureInProcess(cliCwd, cliPath, files, o.inprocRuns);
  if (inproc) {
    log(`  lint(): best ${fmtS(inproc.lint.min)}, median ${fmtS(inproc.lint.median)} (${o.inprocRuns} runs after 1 warm-up) → ${rate(inproc.lint.median)}`);
    log(`  lint() on 1 thread: best ${fmtS(inproc.oneThread.min)}, median ${fmtS(inproc.oneThread.median)} → ${rate(inproc.oneThread.median)}`);
    rows.push({
      measure: `In-process \`lint()\`, ${threadCount(files)} threads (the default here), best / median of ${o.inprocRuns} (warm)`,
      migsafe: `${fmtS(inproc.lint.min)} / ${fmtS(inproc.lint.median)} · ${rate(inproc.lint.median)}`,
      squawk: '—', target: '≥ 10 MB/s', status: check(corpus.bytes / MB / inproc.lint.median >= 10),
    });
    rows.push({
      measure: 'In-process `lint()`, 1 thread, best / median',
      migsafe: `${fmtS(inproc.oneThread.min)} / ${fmtS(inproc.oneThread.median)} · ${rate(inproc.oneThread.median)}`,
      squawk: '—', target: '', status: '',
    });
    if (inproc.render) {
      const both = inproc.lint.median + inproc.render.median;
      log(`  + renderJson: median ${fmtS(inproc.render.median)} → ${rate(both)}`);
      rows.push({
        measure: 'In-process `lint()` + JSON report, median',
        migsafe: `${fmtS(both)} · ${rate(both)}`, squawk: '—', target: '≥ 10 MB/s', status: check(corpus.bytes / MB / both >= 10),
      });
    }
    if (inproc.breakdown) details.push(inproc.breakdown);
  } else notes.push('In-process measurement failed (see the console output).');

  // 4. CLI on the whole corpus -------------------------------------------------------------
  log(`\nCLI on the corpus (${o.runs} runs after 1 warm-up) …`);
  let cliWall: Stats | null = null;
  let cliCpu: Stats | null = null;
  let cliRss: number | null = null;
  try {
    const r = await spawnRepeated(process.execPath, cliArgs, o.runs, { cwd: cliCwd, check: expectAll, rusage: true });
    cliWall = r.stats;
    cliCpu = r.cpu;
    cliRss = r.maxRss;
    log(`  migsafe: median ${fmtS(cliWall.median)} (min ${fmtS(cliWall.min)}, max ${fmtS(cliWall.max)}) → ${rate(cliWall.median)}${cliCpu ? `; CPU median ${fmtS(cliCpu.median)}` : ''}`);
    rows.push({
      measure: `CLI wall, whole corpus, \`--format json\`, median (min) of ${o.runs}`,
      migsafe: `${fmtS(cliWall.median)} (${fmtS(cliWall.min)}) · ${rate(cliWall.median)}`, squawk: '', target: '≥ 10 MB/s', status: check(corpus.bytes / MB / cliWall.median >= 10),
    });
    const single = await spawnRepeated(process.execPath, cliArgs, o.runs, { cwd: cliCwd, env: { ...process.env, MIGSAFE_THREADS: '1' }, check: expectAll });
    log(`  migsafe, MIGSAFE_THREADS=1: median ${fmtS(single.stats.median)} (min ${fmtS(single.stats.min)})`);
    rows.push({
      measure: `CLI wall, whole corpus, one thread (\`MIGSAFE_THREADS=1\`), median (min) of ${o.runs}`,
      migsafe: `${fmtS(single.stats.median)} (${fmtS(single.stats.min)}) · ${rate(single.stats.median)}`, squawk: '', target: '', status: '',
    });
  } catch (e: any) {
    log(`  migsafe CLI failed: ${e?.message ?? e}`);
    notes.push(`CLI corpus run failed: ${e?.message ?? e}`);
  }

  // 5. Cold start on one file ----------------------------------------------------------------
  const one = pickTypicalFile(corpus, sizes);
  const oneRel = join(cliPath, one);
  log(`\ncold start, one file (${one}, ${statSync(join(corpus.dir, one)).size} B), median of ${o.coldRuns} spawns …`);
  const nodeBase = await spawnRepeated(process.execPath, ['-e', ''], o.coldRuns, { cwd: cliCwd });
  const version = await spawnRepeated(process.execPath, [BIN, '--version'], o.coldRuns, { cwd: cliCwd });
  const cold = await spawnRepeated(process.execPath, [BIN, 'lint', oneRel, '--format', 'json'], o.coldRuns, {
    cwd: cliCwd,
    rusage: true,
    check: (r) => (r.code === 0 || r.code === 1) && jsonFiles(r) === 1 ? null : `one-file run failed (exit ${r.code}): ${r.stderr.trim()}`,
  });
  log(`  node -e '' ${fmtS(nodeBase.stats.median)} · migsafe --version ${fmtS(version.stats.median)} · migsafe lint <file> ${fmtS(cold.stats.median)} (min ${fmtS(cold.stats.min)}, max ${fmtS(cold.stats.max)})`);
  details.push([
    `#### Cold start, decomposed (${o.coldRuns} spawns each; the minimum is the least disturbed by other load)`,
    '',
    '| step | median | min | added (min) |',
    '|---|---|---|---|',
    `| \`node -e ''\` (bare Node start + exit) | ${fmtS(nodeBase.stats.median)} | ${fmtS(nodeBase.stats.min)} | ${fmtS(nodeBase.stats.min)} |`,
    `| \`migsafe --version\` (bin shim + the bundled CLI dist/cli.cjs from V8's code cache + commander) | ${fmtS(version.stats.median)} | ${fmtS(version.stats.min)} | ${fmtS(version.stats.min - nodeBase.stats.min)} |`,
    `| \`migsafe lint <one file> --format json\` (libpg-query WASM load, Liftoff compile of the functions used, lint, report) | ${fmtS(cold.stats.median)} | ${fmtS(cold.stats.min)} | ${fmtS(cold.stats.min - version.stats.min)} |`,
  ].join('\n'));

  // 6. Peak RSS ------------------------------------------------------------------------------
  // With GNU time the corpus runs above already recorded CPU and peak RSS; otherwise use the hook.
  let rss: RssResult | null = cliRss !== null ? { maxRss: cliRss, method: 'GNU time `%M` (the kernel\'s wait4 rusage of the child), max over the timed runs', code: 0 } : null;
  if (!rss) {
    log('\npeak RSS …');
    rss = await measurePeakRss(process.execPath, cliArgs, { cwd: cliCwd, node: true });
    if (rss?.user !== undefined) cliCpu = stats([rss.user + (rss.sys ?? 0)]);
  }
  log(rss ? `  migsafe peak RSS ${fmtMB(rss.maxRss)} (${rss.method})` : '  migsafe peak RSS: could not measure');

  // 7. squawk ---------------------------------------------------------------------------------
  let sqWall: Stats | null = null;
  let sqCpu: Stats | null = null;
  let sqCold: Stats | null = null;
  let sqColdCpu: Stats | null = null;
  let sqRss: number | null = null;
  const sq = o.squawk ? findSquawk() : null;
  if (!sq) {
    log(o.squawk ? '\nsquawk not available' : '\nsquawk skipped (--no-squawk)');
    notes.push(o.squawk ? 'squawk not available (no working squawk binary found): the squawk columns are empty.' : 'squawk skipped (--no-squawk).');
  } else {
    const pattern = `${cliPath}/*.sql`;
    log(`\n${sq.version} (${relative(ROOT, sq.bin)}), \`squawk --reporter json '${pattern}'\` — squawk expands the glob itself; it does not accept a directory …`);
    try {
      const r = await spawnRepeated(sq.bin, ['--reporter', 'json', pattern], o.runs, {
        cwd: cliCwd,
        rusage: true,
        check: (x) => (x.code === 0 || x.code === 1) && x.stdout.trimStart().startsWith('[') ? null : `squawk exited ${x.code}: ${x.stderr.trim().slice(0, 300)}`,
      });
      sqWall = r.stats;
      sqCpu = r.cpu;
      sqRss = r.maxRss;
      if (sqRss === null) sqRss = (await measurePeakRss(sq.bin, ['--reporter', 'json', pattern], { cwd: cliCwd }))?.maxRss ?? null;
      log(`  squawk: median ${fmtS(sqWall.median)} (min ${fmtS(sqWall.min)}, max ${fmtS(sqWall.max)}) → ${rate(sqWall.median)}${sqCpu ? `; CPU median ${fmtS(sqCpu.median)}` : ''}${sqRss ? `; peak RSS ${fmtMB(sqRss)}` : ''}`);
      const c = await spawnRepeated(sq.bin, ['--reporter', 'json', oneRel], o.coldRuns, { cwd: cliCwd, rusage: true });
      sqCold = c.stats;
      sqColdCpu = c.cpu;
      log(`  squawk cold start, one file: median ${fmtS(sqCold.median)}`);
      if (sq.wrapper) {
        const w = await spawnRepeated(sq.wrapper, ['--reporter', 'json', oneRel], Math.min(o.coldRuns, 7), { cwd: cliCwd });
        notes.push(`squawk is timed as its native binary (\`${relative(ROOT, sq.bin)}\`). Through the npm wrapper \`node_modules/.bin/squawk\` (a Node script that spawns it) one file takes ${fmtS(w.stats.median)} (median of ${w.stats.n}).`);
      }
      // The default human-readable output, once each, and squawk's own file count as a cross-check.
      const tty = await spawnTimed(sq.bin, [pattern], { cwd: cliCwd });
      const checked = /checked (\d+) source files?/.exec(tty.stdout + tty.stderr)?.[1];
      const text = await spawnTimed(process.execPath, [BIN, 'lint', cliPath], { cwd: cliCwd, keepStdout: false });
      if (checked && Number(checked) !== files) notes.push(`squawk reports checking ${checked} files, not ${files}.`);
      rows.push({
        measure: 'Default human-readable output, whole corpus, 1 run',
        migsafe: `${fmtS(text.wall)} (\`--format text\`)`, squawk: `${fmtS(tty.wall)} (tty reporter${checked ? `, "checked ${checked} source files"` : ''})`, target: '', status: '',
      });
    } catch (e: any) {
      log(`  squawk failed: ${e?.message ?? e}`);
      notes.push(`squawk run failed: ${e?.message ?? e}`);
    }
  }

  // Rows that compare the two.
  const cliRow = rows.find((r) => r.measure.startsWith('CLI wall'));
  if (cliRow && sqWall) cliRow.squawk = `${fmtS(sqWall.median)} (${fmtS(sqWall.min)}) · ${rate(sqWall.median)}`;
  else if (cliRow) cliRow.squawk = sq ? 'failed' : 'not available';
  if (cliWall && sqWall) {
    const ratio = cliWall.median / sqWall.median;
    log(`\nmigsafe / squawk wall: ${ratio.toFixed(2)}×`);
    rows.push({ measure: 'CLI wall ratio migsafe / squawk', migsafe: `${ratio.toFixed(2)}×`, squawk: '1×', target: '≤ 1.5×', status: check(ratio <= 1.5) });
  } else rows.push({ measure: 'CLI wall ratio migsafe / squawk', migsafe: 'n/a', squawk: sq ? 'failed' : 'not available', target: '≤ 1.5×', status: '' });
  rows.push({
    measure: `Cold start, one ${statSync(join(corpus.dir, one)).size}-byte file, wall median (min) of ${o.coldRuns}; CPU median`,
    migsafe: `${fmtS(cold.stats.median)} (${fmtS(cold.stats.min)})${cold.cpu ? `; CPU ${fmtCpu(cold.cpu.median)}` : ''}`,
    squawk: sqCold ? `${fmtS(sqCold.median)} (${fmtS(sqCold.min)})${sqColdCpu ? `; CPU ${fmtCpu(sqColdCpu.median)}` : ''}` : sq ? 'failed' : 'not available',
    target: '≤ 0.25 s', status: check(cold.stats.median <= 0.25),
  });
  rows.push({
    measure: 'Peak RSS, CLI on the whole corpus',
    migsafe: rss ? fmtMB(rss.maxRss) : 'n/a', squawk: sqRss ? fmtMB(sqRss) : sq ? 'n/a' : 'not available', target: '', status: '',
  });
  if (cliCpu) {
    rows.push({
      measure: `CPU time (user + sys), CLI on the whole corpus, median${cliCpu.n > 1 ? ` of ${cliCpu.n}` : ''}`,
      migsafe: fmtS(cliCpu.median), squawk: sqCpu ? fmtS(sqCpu.median) : '—', target: '', status: '',
    });
    if (sqCpu) rows.push({ measure: 'CPU-time ratio migsafe / squawk (less sensitive to machine load than wall)', migsafe: `${(cliCpu.median / sqCpu.median).toFixed(2)}×`, squawk: '1×', target: '', status: '' });
  }
  if (rss) notes.push(`Peak RSS measured with ${rss.method}.`);

  // 8. Profile when a target is missed (or on request) --------------------------------------
  const missedCorpus = rows.some((r) => r.status === 'MISS' && !r.measure.startsWith('Cold start'));
  const missedCold = rows.some((r) => r.status === 'MISS' && r.measure.startsWith('Cold start'));
  if (o.profile === 'yes' || (o.profile === 'auto' && missedCorpus)) {
    log(`\nprofiling the CLI on the corpus (node --cpu-prof)${missedCorpus && o.profile === 'auto' ? ' because a throughput target was missed' : ''} …`);
    // One thread (one profile) and the unbundled modules, so frames carry their source file names.
    const p = await profileNode(cliArgs, cliCwd, { ...process.env, MIGSAFE_THREADS: '1', MIGSAFE_NO_BUNDLE: '1' });
    if (p) {
      printProfile(p);
      details.push(profileMarkdown(p, `CPU profile of the CLI on the corpus (\`node --cpu-prof\`, one thread, unbundled modules so frames keep their file names; ${fmtS(p.total)} sampled)`));
    } else log('  no profile written');
  }
  if (o.profile === 'yes' || (o.profile === 'auto' && missedCold)) {
    log(`\nprofiling the one-file cold run (node --cpu-prof, 5 runs averaged)${missedCold && o.profile === 'auto' ? ' because the cold-start target was missed' : ''} …`);
    const ps: ProfileReport[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await profileNode([BIN, 'lint', oneRel, '--format', 'json'], cliCwd);
      if (p) ps.push(p);
    }
    if (ps.length) {
      const p = averageProfiles(ps);
      printProfile(p);
      details.push(profileMarkdown(p, `CPU profile of a one-file cold run (\`node --cpu-prof\`, mean of ${ps.length} runs, ${fmtS(p.total)} sampled per run; the profiler starts after Node's own bootstrap; the CLI runs bundled, so its own frames count as "other project code")`));
    }
  }

  return { name: 'sql', title: 'SQL migrations', corpus, rows, details, notes };
}

/** The median-sized file without a syntax error: what a typical CI run on one migration looks like. */
function pickTypicalFile(c: Corpus, sizes: number[]): string {
  const order = c.files.map((f, i) => [f, sizes[i]!] as const).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  for (let k = order.length >> 1; k < order.length; k++) {
    const text = readFileSync(join(c.dir, order[k]![0]), 'utf8');
    if (!/ADD COLUM |\(\n    id bigint PRIMARY KEY\n    name|SET WHERE|_broken_idx/.test(text)) return order[k]![0];
  }
  return order[order.length >> 1]![0];
}

// ---------------------------------------------------------------------------------------------
// In-process measurement and a direct stage breakdown

interface InProcess {
  lint: Stats;
  /** The same with threads: 1 (the main thread only). */
  oneThread: Stats;
  render: Stats | null;
  breakdown: string | null;
}

async function measureInProcess(cwd: string, path: string, files: number, runs: number): Promise<InProcess | null> {
  try {
    const { lint } = await import('../src/lint.js');
    const { loadConfig } = await import('../src/config/load.js');
    const { ruleIds } = await import('../rules/index.js');
    const config = loadConfig(cwd, undefined, ruleIds);
    const one = await timeRepeated(() => lint({ paths: [path], cwd, config, threads: 1 }), runs, 1);
    const run = () => lint({ paths: [path], cwd, config });
    const r = await timeRepeated(run, runs, 1);
    if (r.last.migrations.length !== files) throw new Error(`lint() returned ${r.last.migrations.length} migrations, expected ${files}`);
    let render: Stats | null = null;
    let renderJson: ((x: unknown) => string) | null = null;
    try {
      renderJson = (await import(pathToFileURL(join(ROOT, 'dist', 'src', 'report', 'json.js')).href)).renderJson;
      render = (await timeRepeated(() => renderJson!(r.last), runs, 1)).stats;
    } catch (e: any) {
      log(`  renderJson not measured: ${e?.message ?? e}`);
    }
    let breakdown: string | null = null;
    try {
      breakdown = await stageBreakdown(cwd, path, config, r.last, renderJson);
    } catch (e: any) {
      log(`  stage breakdown unavailable: ${e?.message ?? e}`);
    }
    return { lint: r.stats, oneThread: one.stats, render, breakdown };
  } catch (e: any) {
    log(`  in-process lint() failed: ${e?.stack ?? e}`);
    return null;
  }
}

/**
 * Time each stage of lint() separately over the whole corpus (best of 3 after a warm-up), using
 * the modules lint() is built from. Internal APIs are imported loosely (any) so a refactor in src/
 * degrades this table instead of breaking the build.
 */
async function stageBreakdown(cwd: string, path: string, config: any, result: any, renderJson: ((x: unknown) => string) | null): Promise<string> {
  const mod = (p: string) => import(pathToFileURL(join(ROOT, 'dist', 'src', p)).href) as Promise<any>;
  const files = await mod('sources/files.js');
  const sql = await mod('sources/sql/index.js');
  const parser = await mod('sources/sql/parser.js');
  const lexer = await mod('sources/sql/lexer.js');
  const engineMod = await mod('engine/lint-migration.js');
  const lintMod = await mod('lint.js');
  const { ruleIds } = await import('../rules/index.js');
  await parser.loadSqlParser();

  const best = (fn: () => unknown) => {
    fn();
    let b = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      fn();
      b = Math.min(b, (performance.now() - t) / 1000);
    }
    return b;
  };
  const found = files.discoverSql([path], cwd, config.root, config.include, config.exclude);
  const texts: { file: string; text: string; abs: string }[] = found.files.map((abs: string) => ({ abs, file: relative(cwd, abs), text: files.readText(abs).text as string }));
  const totalChars = texts.reduce((a, t) => a + t.text.length, 0);
  const engine = { active: lintMod.activeRules(config), known: ruleIds, pgVersion: config.pgVersion };

  const rows: [string, number][] = [];
  rows.push(['discover files (discoverSql)', best(() => files.discoverSql([path], cwd, config.root, config.include, config.exclude))]);
  rows.push(['read + UTF-8 check (readText)', best(() => { for (const t of texts) files.readText(t.abs); })]);
  const parseOnly = best(() => {
    for (const t of texts) {
      try { parser.parseSql(t.text); } catch { /* syntax error: counted, fallback not timed here */ }
    }
  });
  rows.push(['libpg-query parseSync, whole files (WASM parse + JSON out + JSON.parse)', parseOnly]);
  // The JSON half of parseSync: JSON.parse of the same trees, re-serialised.
  const trees: string[] = [];
  for (const t of texts) {
    try { trees.push(JSON.stringify({ stmts: parser.parseSql(t.text) })); } catch { /* skip */ }
  }
  const treeBytes = trees.reduce((a, s) => a + s.length, 0);
  rows.push([`  of which JSON.parse of the tree (≈, re-parse of ${fmtMB(treeBytes)} of tree JSON)`, best(() => { for (const s of trees) JSON.parse(s); })]);
  rows.push(['lexer comment scan (lex, files containing "migsafe")', best(() => { for (const t of texts) if (t.text.includes('migsafe')) lexer.lex(t.text, false); })]);
  let migrations: any[] = [];
  const front = best(() => {
    migrations = texts.map((t) => sql.loadSqlMigration({ file: t.file, text: t.text, direction: files.sqlDirection(t.abs), transactional: config.assumeInTransaction }));
  });
  rows.push(['front end total (loadSqlMigration: parse + PL/pgSQL + AST → operations + directives)', front]);
  rows.push(['  front end minus parseSync (AST → operations, DO bodies, directives)', front - parseOnly]);
  rows.push(['engine (lintMigration: rules + suppressions)', best(() => { for (const m of migrations) engineMod.lintMigration(m, engine); })]);
  if (renderJson) rows.push(['JSON report (renderJson: line/column + JSON.stringify)', best(() => renderJson(result))]);
  const ops = migrations.reduce((a, m) => a + m.operations.length, 0);
  const findings = result.findings.length;
  const out = renderJson ? renderJson(result).length : 0;
  return [
    `#### In-process stage breakdown (best of 5, warm; ${int(texts.length)} files, ${int(totalChars)} chars → ${int(ops)} operations → ${int(findings)} findings${out ? `, ${fmtMB(out)} of JSON output` : ''})`,
    '',
    '| stage | time | MB/s of SQL |',
    '|---|---|---|',
    ...rows.map(([name, s]) => `| ${name.replace(/^( +)/, (m) => '&nbsp;'.repeat(m.length * 2))} | ${s > 0 ? fmtS(s) : 'n/a (noise)'} | ${/^\s/.test(name) || s <= 0 ? '' : fmtRate(totalChars / MB / s, '')} |`),
    '',
    `libpg-query returns the parse tree as JSON text: ${fmtMB(treeBytes)} of JSON for ${fmtMB(totalChars)} of SQL (${(treeBytes / totalChars).toFixed(1)}×).`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Profile output

function printProfile(p: ProfileReport): void {
  log(`  sampled ${fmtS(p.total)} of CPU on the main thread`);
  log('  self time by category:');
  for (const c of p.categories) if (c.seconds >= 0.005) log(`    ${fmtS(c.seconds).padStart(8)}  ${((c.seconds / p.total) * 100).toFixed(1).padStart(5)} %  ${c.name}`);
  log('  inclusive time of pipeline stages:');
  for (const s of p.stages) log(`    ${fmtS(s.seconds).padStart(8)}  ${s.name}`);
  log('  top functions by self time:');
  for (const f of p.topSelf.slice(0, 12)) log(`    ${fmtS(f.seconds).padStart(8)}  ${f.name}`);
}

function averageProfiles(ps: ProfileReport[]): ProfileReport {
  const avg = (pick: (p: ProfileReport) => { name: string; seconds: number }[]) => {
    const m = new Map<string, number>();
    for (const p of ps) for (const x of pick(p)) m.set(x.name, (m.get(x.name) ?? 0) + x.seconds / ps.length);
    return [...m].map(([name, seconds]) => ({ name, seconds }));
  };
  const order = STAGES.map(([label]) => label);
  return {
    total: ps.reduce((a, p) => a + p.total, 0) / ps.length,
    categories: avg((p) => p.categories).sort((a, b) => b.seconds - a.seconds),
    stages: avg((p) => p.stages).filter((s) => s.seconds >= 0.0005).sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)),
    topSelf: avg((p) => p.topSelf).sort((a, b) => b.seconds - a.seconds).slice(0, 20),
  };
}

function profileMarkdown(p: ProfileReport, title: string): string {
  return [
    `#### ${title}`,
    '',
    '| self time by category | time | share |',
    '|---|---|---|',
    ...p.categories.filter((c) => c.seconds >= 0.005).map((c) => `| ${c.name} | ${fmtS(c.seconds)} | ${((c.seconds / p.total) * 100).toFixed(1)} % |`),
    '',
    '| pipeline stage (inclusive; GC is not attributed to stages) | time |',
    '|---|---|',
    ...p.stages.map((s) => `| ${s.name.replace(/^( +)/, (m) => '&nbsp;'.repeat(m.length * 2))} | ${fmtS(s.seconds)} |`),
    '',
    '| top functions by self time | time |',
    '|---|---|',
    ...p.topSelf.slice(0, 12).map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${fmtS(f.seconds)} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

function table(rows: Row[], squawkTitle: string): string {
  return [
    `| Measure | migsafe | ${squawkTitle} | Target | Result |`,
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.migsafe} | ${r.squawk} | ${r.target} | ${r.status ? `**${r.status}**` : ''} |`),
  ].join('\n');
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const unknown = (o.only ?? []).filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  if (!existsSync(join(ROOT, 'dist', 'src', 'lint.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const cpu = cpus();
  const env = `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform}`;
  const load0 = loadavg()[0]!;
  log(`migsafe benchmark — ${env}; load average ${load0.toFixed(2)}`);
  if (load0 > cpu.length * 0.5) log(`warning: the machine is busy (load ${load0.toFixed(2)} on ${cpu.length} cores); timings will be noisy.`);

  const results: SectionResult[] = [];
  for (const s of SECTIONS) {
    if (o.only && !o.only.includes(s.name)) continue;
    log(`\n=== ${s.name} ===`);
    results.push(await s.run(o));
  }
  const load1 = loadavg()[0]!;
  const sq = findSquawk();
  const squawkTitle = sq ? sq.version.replace(/^squawk\s*/i, 'squawk ') : 'squawk';

  const md: string[] = ['# migsafe benchmark results', '', `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} · ${env} · load average ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at end.`, ''];
  for (const r of results) {
    md.push(`## ${r.title}`, '');
    md.push(`Corpus: \`bench/.corpus/${r.name}\`, ${int(r.corpus.files.length)} files, ${int(r.corpus.units)} ${r.corpus.unitName}, ${fmtMB(r.corpus.bytes)} (largest file ${(r.corpus.largestFile / 1024).toFixed(0)} KB; ${r.corpus.brokenFiles} files with a syntax error), seed ${String(r.corpus.options.seed)}, sha256 \`${r.corpus.sha256.slice(0, 16)}\`. MB = 10⁶ bytes; wall times include process start and writing the report to a pipe.`, '');
    md.push(table(r.rows, squawkTitle), '');
    for (const n of r.notes) md.push(`- ${n}`);
    if (r.notes.length) md.push('');
    for (const d of r.details) md.push(d, '');
  }
  const text = md.join('\n').replace(/\n{3,}/g, '\n\n');
  log('\n' + '─'.repeat(100) + '\n');
  for (const r of results) {
    log(`## ${r.title}\n`);
    log(table(r.rows, squawkTitle));
    log('');
  }
  writeFileSync(o.out, text);
  log(`written to ${relative(process.cwd(), o.out) || o.out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: ${e?.message ?? e}`);
    process.exit(2);
  },
);
