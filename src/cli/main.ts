/**
 * argv → command → exit code. The ONLY place that calls process.exit; typed errors map to
 * exit codes here: 0 clean, 1 findings / failed check, 2 usage, config or internal error.
 */
import { Command, CommanderError } from 'commander';
import { MigsafeError } from '../errors.js';
import { processIO, type CommandIO } from './io.js';
import { formatArgParsers } from './format-tokens.js';

const VERSION = '0.1.0';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('migsafe')
    .description('PostgreSQL migration safety linter and rollback gate')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s.trimEnd()) })
    .showSuggestionAfterError(true);

  const lintFormats = formatArgParsers();
  program
    .command('lint')
    .description('lint SQL migration files or directories')
    .argument('[paths...]', 'files or directories (default: .)')
    .option('-f, --format <format>', 'text | json | github | sarif | junit | gitlab | markdown (repeatable; default text)', lintFormats.format)
    .option('-o, --output <file>', 'write the --format just before it to <file> (atomically) instead of stdout', lintFormats.output)
    .option('--fail-on <level>', 'error | warning: lowest severity that exits 1')
    .option('--pg-version <n>', 'target PostgreSQL major version (default 15)')
    .option('-c, --config <file>', 'config file (default: migsafe.config.json, searched upwards)')
    .option('--show-suppressed', 'also print suppressed findings (text format)')
    .option('--base <ref>', 'lint only migrations added or modified since the merge-base with <ref> (CI)')
    .option('--staged', 'lint only staged migrations (pre-commit hook)')
    .option('--release-ref <ref>', 'the last release (default: newest releaseTags tag, else the base)')
    .action(async (paths: string[], flags) => {
      const { lintCommand } = await import('./commands/lint.js');
      code = await lintCommand(paths, flags, io);
    });

  program
    .command('install-hook')
    .description('install a git pre-commit hook that runs `migsafe lint --staged`')
    .option('--force', 'replace an existing pre-commit hook that migsafe did not write')
    .action(async (flags) => {
      const { installHookCommand } = await import('./commands/install-hook.js');
      code = await installHookCommand(flags, io);
    });

  program
    .command('rules')
    .description('list every rule')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(async (flags) => {
      const { rulesCommand } = await import('./commands/rules.js');
      code = rulesCommand(flags, io);
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. drop-column')
    .action(async (id: string) => {
      const { explainCommand } = await import('./commands/explain.js');
      code = explainCommand(id, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2; // commander already printed the message
    }
    if (e instanceof MigsafeError) {
      io.err(`migsafe: error: ${e.message}`);
      return e.exitCode;
    }
    const err = e as Error;
    io.err(`migsafe: internal error: ${err?.message ?? String(e)}`);
    io.err('This is a bug in migsafe. Please report it with the command you ran and the file involved (set MIGSAFE_DEBUG=1 for a stack trace).');
    if (process.env.MIGSAFE_DEBUG) io.err(String(err?.stack ?? ''));
    return 2;
  }
}

/** Entry point used by bin/migsafe.js. */
export function run(): void {
  main(process.argv.slice(2), processIO()).then(
    (code) => process.exit(code),
    () => process.exit(2),
  );
}
