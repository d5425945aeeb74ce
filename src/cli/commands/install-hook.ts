import { installHook } from '../../git/hook.js';
import type { CommandIO } from '../io.js';

export async function installHookCommand(flags: { force?: boolean }, io: CommandIO): Promise<number> {
  const r = await installHook(io.cwd, { force: flags.force });
  const what = { created: 'installed', updated: 'updated', unchanged: 'already installed (unchanged)', replaced: 'replaced the existing hook with' }[r.action];
  io.out(`migsafe: ${what} pre-commit hook at ${r.path}\n`);
  return 0;
}
