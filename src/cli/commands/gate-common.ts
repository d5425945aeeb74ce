/** Shared wiring for the gate commands: option parsing, real ports, progress on a TTY, interrupts. */
import { UsageError } from '../../errors.js';
import { parseDbUrl, type ConnTarget } from '../../gate/conn.js';
import type { GateEvent, GatePorts } from '../../gate/ports.js';
import { realPorts } from '../../gate/real-ports.js';
import { redact } from '../../gate/report.js';
import type { CommandIO } from '../io.js';

export function requireDb(url: string | undefined, flag = '--db'): ConnTarget {
  if (!url) throw new UsageError(`${flag} <url> is required`);
  return parseDbUrl(url);
}

export function intOption(v: string | undefined, name: string, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be an integer ≥ ${min}, not "${v}"`);
  return n;
}

export function optionalInt(v: string | undefined, name: string, min = 0): number | undefined {
  return v === undefined ? undefined : intOption(v, name, 0, min);
}

export function oneOf<T extends string>(v: string | undefined, name: string, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${v}"`);
  return v as T;
}

/** Real ports, with progress shown on a TTY (stderr) and nothing otherwise. */
export function cliPorts(io: CommandIO): { ports: GatePorts; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const clear = () => {
    if (!timer) return;
    clearInterval(timer);
    timer = undefined;
    io.errRaw?.('\r\x1b[K');
  };
  const events = io.progress && io.errRaw
    ? (e: GateEvent) => {
        if (e.type === 'step-start') {
          clear();
          const t0 = Date.now();
          const draw = () => io.errRaw!(`\r\x1b[K  … ${e.step}${e.detail ? ` ${e.detail}` : ''}  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          draw();
          timer = setInterval(draw, 250);
          timer.unref();
        } else if (e.type === 'step-end') clear();
      }
    : undefined;
  return { ports: realPorts({ events }), stop: clear };
}

/** Ctrl-C aborts the running step (children are killed, partial files removed) instead of killing us mid-write. */
export function interruptible(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const on = () => ac.abort();
  process.once('SIGINT', on);
  process.once('SIGTERM', on);
  return {
    signal: ac.signal,
    dispose: () => {
      process.removeListener('SIGINT', on);
      process.removeListener('SIGTERM', on);
    },
  };
}

/** An output function that never lets the password through. */
export function safeOut(io: CommandIO, target: ConnTarget | null) {
  const secrets = [target?.password && target.password.length >= 3 ? target.password : undefined, target?.password ? encodeURIComponent(target.password) : undefined].filter(
    (x): x is string => !!x && x.length >= 3,
  );
  return {
    out: (text: string) => io.out(redact(text, secrets)),
    err: (text: string) => io.err(redact(text, secrets)),
  };
}
