#!/usr/bin/env node
// Build step 2 of 2 (after tsc): bundle the CLI into one script, dist/cli.cjs, and record V8's
// code cache for it (dist/cli.cjs.cache) by running one lint.
//
// Why: a one-file `migsafe lint` is dominated by start-up. Loading ~100 ES modules from dist/src
// costs ~190 ms on the 2-core CI machine; one bundled script compiled from a code cache costs
// ~20 ms (bench/results.md, "Cold start, decomposed"). bin/migsafe.js loads the bundle and falls
// back to dist/src/cli/main.js when it is absent.
//
// Packages that locate files next to their own code (the WASM parsers) or carry optional native
// parts (pg) stay external and are required from node_modules at run time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli.cjs');
rmSync(`${out}.cache`, { force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['libpg-query', 'web-tree-sitter', 'tree-sitter-python', 'pg'],
  // dist/src code uses import.meta.url to find the package root and tree-sitter-python.
  define: { 'import.meta.url': '__migsafe_bundle_url' },
  banner: { js: "'use strict';\nconst __migsafe_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  // No import() survives in the bundle: V8's code cache drops vm.Script's dynamic-import hook, so
  // esbuild turns the few import() of external packages into require() (all have CommonJS entries).
  supported: { 'dynamic-import': false },
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')], outfile: out });
// The lint worker (src/parallel/lint-worker.ts): found next to the bundle when the CLI runs bundled.
await build({ ...common, entryPoints: [join(root, 'dist', 'src', 'parallel', 'lint-worker.js')], outfile: join(root, 'dist', 'lint-worker.cjs') });

// Warm the cache on a real lint, so the functions a lint runs are in it, not only the top level.
const fixture = join(root, 'rules', 'set-not-null', 'cases');
const r = spawnSync(process.execPath, [join(root, 'bin', 'migsafe.js'), 'lint', fixture, '--format', 'json'], {
  env: { ...process.env, MIGSAFE_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (r.status !== 0 && r.status !== 1) {
  process.stderr.write(r.stderr);
  process.stderr.write(`bundle: warming the code cache failed (exit ${r.status}); the CLI still works, only slower to start\n`);
}
