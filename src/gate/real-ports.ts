/** The real ports, wired by the CLI, the benchmark and the demo. */
import { pgDb } from './adapters/db.js';
import { nodeFs } from './adapters/fs.js';
import { nodeProc } from './adapters/proc.js';
import { createDump, findBindir } from './adapters/pgtools.js';
import type { GateEvent, GatePorts } from './ports.js';

export interface RealPortOptions {
  bindir?: string | null;
  alembic?: string;
  events?: (e: GateEvent) => void;
}

export function realPorts(opts: RealPortOptions = {}): GatePorts {
  const bindir = opts.bindir !== undefined ? opts.bindir : findBindir();
  return {
    db: pgDb,
    proc: nodeProc,
    fs: nodeFs,
    dump: createDump(bindir, nodeProc),
    clock: { now: () => new Date(), ms: () => performance.now() },
    tools: { bindir, alembic: opts.alembic ?? process.env.MIGSAFE_ALEMBIC ?? '/usr/bin/alembic' },
    events: opts.events,
  };
}
