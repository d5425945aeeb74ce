#!/usr/bin/env node
// The migsafe command. Start-up is most of a one-file lint, so this shim does three things:
//
// 1. Liftoff only: libpg-query is a 1.7 MB WASM module. With V8's default tiering, optimizing
//    compiles run in the background and process exit waits for them (~200 ms per run); Liftoff
//    code alone is also faster end to end on the 2 MB benchmark corpus (bench/README.md).
// 2. Load the bundled CLI (dist/cli.cjs, built by scripts/bundle.mjs) with V8's code cache
//    (dist/cli.cjs.cache). V8 checks the cache against the source and its own version and flags,
//    and silently compiles from source when it does not match.
// 3. Fall back to the unbundled ES modules (dist/src) when there is no bundle, or when
//    MIGSAFE_NO_BUNDLE=1 (stack traces and CPU profiles then name the source files).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

if (process.env.LO !== "0") v8.setFlagsFromString("--liftoff-only");

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const bundle = join(dist, 'cli.cjs');
const cacheFile = `${bundle}.cache`;

function loadBundle() {
  if (process.env.MIGSAFE_NO_BUNDLE === '1') return null; // debugging and profiling: real file names
  let source;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return null;
  }
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dist);
  if (process.env.MIGSAFE_DEBUG_STARTUP === '1') {
    const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
    process.stderr.write(`migsafe: startup: bundle ${bundle}, code cache ${cache}\n`);
  }
  if (process.env.MIGSAFE_WRITE_CODE_CACHE === '1') {
    // Written at exit, after the command ran, so the cache holds the functions it compiled.
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    });
  }
  return mod.exports;
}

let cli = loadBundle();
if (!cli) {
  if (process.env.MIGSAFE_DEBUG_STARTUP === '1') process.stderr.write('migsafe: startup: no bundle, loading dist/src\n');
  cli = await import('../dist/src/cli/main.js');
}
cli.run();
