import { relative } from 'node:path';
import { lint } from '../../lint.js';
import { loadConfig } from '../../config/load.js';
import { ruleIds } from '../../../rules/index.js';
import { buildBaseline } from '../../baseline.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandIO } from '../io.js';
import { baselinePath, baselineRoot } from './lint.js';

/** `migsafe baseline [paths…]`: record today's findings so `lint` fails only on new ones. */
export async function baselineCommand(paths: string[], flags: { config?: string; pgVersion?: string }, io: CommandIO): Promise<number> {
  const config = loadConfig(io.cwd, flags.config, ruleIds);
  if (flags.pgVersion) config.pgVersion = Number(flags.pgVersion);
  const result = await lint({ paths, cwd: io.cwd, config });
  for (const p of result.fileProblems) io.err(`migsafe: ${p.file}: ${p.message}`);
  if (result.fileProblems.length) return 2;
  const file = baselinePath(config);
  const b = buildBaseline(result, io.cwd, baselineRoot(config, file));
  const shown = relative(io.cwd, file) || file;
  writeFileAtomic(file, JSON.stringify(b, null, 2) + '\n', shown);
  io.out(`migsafe: recorded ${b.findings.length} finding(s) from ${result.migrations.length} file(s) in ${shown}; commit it. \`migsafe lint\` now fails only on new findings.\n`);
  return 0;
}
