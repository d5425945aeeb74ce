/** migsafe restore <snapshot-dir> --db <url> [--yes] [--force] [--clean] */
import { restorePreview, restoreSnapshot, type RestorePlan } from '../../gate/steps/restore.js';
import { secs } from '../../gate/report.js';
import type { CommandIO } from '../io.js';
import { cliPorts, interruptible, optionalInt, requireDb, safeOut } from './gate-common.js';

export interface RestoreFlags {
  db?: string;
  yes?: boolean;
  force?: boolean;
  clean?: boolean;
  jobs?: string;
}

export async function restoreCommand(dir: string, flags: RestoreFlags, io: CommandIO): Promise<number> {
  const target = requireDb(flags.db);
  const o = safeOut(io, target);
  const { ports, stop } = cliPorts(io);
  const plan: RestorePlan = { dir, target, mode: flags.clean ? 'clean' : 'swap', force: !!flags.force, jobs: optionalInt(flags.jobs, '--jobs', 1) };
  const pre = await restorePreview(plan, ports);
  if (pre.fatal) {
    o.err(`migsafe: cannot restore: ${pre.fatal}`);
    return pre.manifest ? 2 : 1;
  }
  o.err(pre.lines.join('\n'));
  if (pre.refusal) {
    if (!plan.force) {
      o.err(`migsafe: refusing to restore: ${pre.refusal}`);
      o.err('migsafe: pass --force if this really is the database to overwrite');
      return 2;
    }
    o.err(`migsafe: warning: ${pre.refusal} (going on: --force)`);
  }
  if (!flags.yes) {
    if (!io.prompt) {
      o.err('migsafe: refusing to restore without confirmation: no terminal to ask on; pass --yes');
      return 2;
    }
    const answer = (await io.prompt(`Type the database name (${target.database}) to go on: `)).trim();
    if (answer !== target.database) {
      o.err('migsafe: not confirmed; nothing was changed');
      return 2;
    }
  }
  const intr = interruptible();
  try {
    const r = await restoreSnapshot({ ...plan, force: plan.force, signal: intr.signal }, ports);
    stop();
    const code = r.status === 'ok' || r.status === 'warn' ? 0 : r.status === 'failed' ? 1 : 2;
    const lines = [`${code === 0 ? '✔ restored' : '✖ restore failed'} (${secs(r.durationMs)}): ${r.summary}`];
    for (const l of r.data?.leftovers ?? []) lines.push(`  leftover: ${l}`);
    (code === 0 ? o.out : o.err)(lines.join('\n') + (code === 0 ? '\n' : ''));
    return code;
  } finally {
    stop();
    intr.dispose();
  }
}
