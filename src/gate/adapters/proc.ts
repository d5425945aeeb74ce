/** Child processes with argument arrays; output captured (tail-bounded), abortable. */
import { spawn } from 'node:child_process';
import type { Proc, ProcResult, ProcSpec } from '../ports.js';

export const nodeProc: Proc = { run: runProc };

export function runProc(spec: ProcSpec): Promise<ProcResult> {
  const started = performance.now();
  const max = spec.maxOutput ?? 1 << 20;
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let settled = false;
    const finish = (r: Omit<ProcResult, 'durationMs' | 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      spec.signal?.removeEventListener('abort', onAbort);
      resolve({ ...r, stdout: out, stderr: err, durationMs: performance.now() - started });
    };
    let child: ReturnType<typeof spawn>;
    try {
      // Own process group, so an abort stops grandchildren too (a shell's children, a wrapper's).
      const o = { env: spec.env, cwd: spec.cwd, uid: spec.uid, gid: spec.gid, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], detached: true };
      child = spec.shell ? spawn('/bin/sh', ['-c', spec.cmd, ...spec.args], o) : spawn(spec.cmd, spec.args, o);
    } catch (e: any) {
      finish({ code: null, signal: null, spawnError: `${e?.code ?? ''} ${e?.message ?? e}`.trim() });
      return;
    }
    const keep = (acc: string, chunk: Buffer) => {
      const s = acc + chunk.toString('utf8');
      return s.length > max ? s.slice(s.length - max) : s;
    };
    child.stdout!.on('data', (c: Buffer) => (out = keep(out, c)));
    child.stderr!.on('data', (c: Buffer) => (err = keep(err, c)));
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        child.kill(sig);
      }
    };
    function onAbort() {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), 3000);
      killTimer.unref();
    }
    if (spec.signal) {
      if (spec.signal.aborted) onAbort();
      else spec.signal.addEventListener('abort', onAbort, { once: true });
    }
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (killTimer) clearTimeout(killTimer);
      finish({ code: null, signal: null, spawnError: e.code === 'ENOENT' ? `not found: ${spec.shell ? '/bin/sh' : spec.cmd}` : `${e.code ?? ''} ${e.message}`.trim() });
    });
    child.on('close', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      finish({ code, signal });
    });
  });
}

/** One line describing how a process ended, for evidence and errors. */
export function describeExit(r: ProcResult): string {
  if (r.spawnError) return r.spawnError;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit code ${r.code}`;
}

/** The last few meaningful stderr lines, for error messages. */
export function stderrTail(r: ProcResult, lines = 6): string {
  return r.stderr.trim().split('\n').filter(Boolean).slice(-lines).join('\n');
}
