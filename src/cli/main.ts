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
    .description('lint SQL and Alembic migrations (files, directories or Alembic projects)')
    .argument('[paths...]', 'files or directories (default: .)')
    .option('-f, --format <format>', 'text | json | github | sarif | junit | gitlab | markdown (repeatable; default text)', lintFormats.format)
    .option('-o, --output <file>', 'write the --format just before it to <file> (atomically) instead of stdout', lintFormats.output)
    .option('--fail-on <level>', 'error | warning: lowest severity that exits 1')
    .option('--pg-version <n>', 'target PostgreSQL major version (default 15)')
    .option('-c, --config <file>', 'config file (default: migsafe.config.json, searched upwards)')
    .option('--show-suppressed', 'also print suppressed findings (text format)')
    .option('--base <ref>', 'lint only migrations added or modified since the merge-base with <ref> (CI)')
    .option('--staged', 'lint only staged migrations (pre-commit hook)')
    .option('--allow-detached', 'with --base on a detached HEAD, compare the commit at HEAD (implied when CI is set)')
    .option('--no-baseline', 'also report findings recorded in the baseline file')
    .option('--release-ref <ref>', 'the last release (default: newest releaseTags tag, else the base)')
    .option('-v, --verbose', 'also list skipped files (Python files that are not Alembic revisions)')
    .action(async (paths: string[], flags) => {
      const { lintCommand } = await import('./commands/lint.js');
      code = await lintCommand(paths, flags, io);
    });

  program
    .command('baseline')
    .description('record the current findings in .migsafe-baseline.json, so lint fails only on new ones')
    .argument('[paths...]', 'files or directories (default: .)')
    .option('-c, --config <file>', 'config file')
    .option('--pg-version <n>', 'target PostgreSQL major version')
    .action(async (paths: string[], flags) => {
      const { baselineCommand } = await import('./commands/baseline.js');
      code = await baselineCommand(paths, flags, io);
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
    .command('init')
    .description('detect the migration layout and write a commented migsafe.config.json')
    .option('--pre-commit', 'also add the migsafe hook to .pre-commit-config.yaml')
    .option('--ci [provider]', 'also write a CI workflow: github or gitlab (default: detected)')
    .option('--force', 'overwrite files that already exist')
    .action(async (flags) => {
      const { initCommand } = await import('./commands/init.js');
      code = initCommand(flags, io);
    });

  program
    .command('graph')
    .description('print the Alembic revision history (base to heads) and check the graph')
    .argument('[dir]', 'Alembic project (with alembic.ini) or versions directory (default: .)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('-c, --config <file>', 'config file (default: migsafe.config.json, searched upwards)')
    .action(async (dir: string | undefined, flags) => {
      const { graphCommand } = await import('./commands/graph.js');
      code = await graphCommand(dir, flags, io);
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

  // The rollback gate: snapshot, verify, rollback, restore, check (src/gate/).
  program
    .command('snapshot')
    .description('take a consistent pg_dump plus a fingerprint of the database; prints the snapshot directory last')
    .option('--db <url>', 'postgresql:// URL (the password is passed to pg_dump through the environment)')
    .option('--out <dir>', 'parent directory; the snapshot goes in <dir>/<snapshot-id>/')
    .option('--format <format>', 'custom | directory', 'custom')
    .option('--jobs <n>', 'parallel pg_dump jobs (directory format)')
    .option('--estimate-rows-above <n>', 'count tables with more rows than this from statistics (labelled as estimates)')
    .option('--fingerprint-connections <n>', 'connections that share the snapshot to compute the fingerprint', '2')
    .option('--lock-wait-timeout <ms>', 'how long pg_dump and the fingerprint wait for a table lock', '30000')
    .action(async (flags) => {
      const { snapshotCommand } = await import('./commands/snapshot.js');
      code = await snapshotCommand(flags, io);
    });

  program
    .command('verify')
    .description('verify a snapshot: hashes, header, table of contents, full read, and a restore into a sandbox')
    .argument('<snapshot-dir>', 'directory printed by migsafe snapshot')
    .option('--level <level>', 'read | restore', 'restore')
    .option('--sandbox <kind>', 'auto | local | docker | server', 'auto')
    .option('--db <url>', 'the source server (needed for --sandbox server)')
    .option('--jobs <n>', 'parallel pg_restore jobs into the sandbox')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(async (dir: string, flags) => {
      const { verifyCommand } = await import('./commands/verify.js');
      code = await verifyCommand(dir, flags, io);
    });

  program
    .command('rollback')
    .description('gated downgrade: verified snapshot, downgrade, data-loss and integrity checks, restore command')
    .option('--db <url>', 'postgresql:// URL of the database to roll back')
    .option('--to <revision>', 'target revision id (or base)')
    .option('--snapshot-dir <dir>', 'where the snapshot taken before the downgrade is written')
    .option('--alembic-config <file>', "the Alembic project's alembic.ini")
    .option('--downgrade-cmd <cmd>', 'a shell command that downgrades (gets MIGSAFE_DATABASE_URL and PG* in its environment)')
    .option('--dry-run', 'pre-flight, snapshot and verify only; print the plan')
    .option('--accept-data-loss <list>', 'comma-separated table.column (or table, table.constraint) differences to accept')
    .option('--auto-restore', 'restore the snapshot when a check fails, then re-check')
    .option('--allow-unverified', 'go on when verification could only reach level read')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--snapshot-format <format>', 'custom | directory', 'custom')
    .option('--jobs <n>', 'parallel pg_dump jobs (directory format)')
    .option('--sandbox <kind>', 'auto | local | docker | server', 'auto')
    .option('--estimate-rows-above <n>', 'count huge tables from statistics')
    .option('--lock-wait-timeout <ms>', 'how long to wait for table locks while snapshotting', '30000')
    .action(async (flags) => {
      const { rollbackCommand } = await import('./commands/rollback.js');
      code = await rollbackCommand(flags, io);
    });

  program
    .command('restore')
    .description('restore a snapshot onto its source database (side database + swap, or --clean in place)')
    .argument('<snapshot-dir>', 'directory printed by migsafe snapshot')
    .option('--db <url>', 'postgresql:// URL of the database to restore')
    .option('--yes', 'do not ask for confirmation')
    .option('--force', 'restore even if the target is not the snapshot\'s source database')
    .option('--clean', 'restore in place (pg_restore --clean --if-exists, in one transaction) instead of side database + swap')
    .option('--jobs <n>', 'parallel pg_restore jobs')
    .action(async (dir: string, flags) => {
      const { restoreCommand } = await import('./commands/restore.js');
      code = await restoreCommand(dir, flags, io);
    });

  program
    .command('check')
    .description('integrity checks on a live database, and the diff against a snapshot')
    .option('--db <url>', 'postgresql:// URL')
    .option('--against <snapshot-dir>', 'diff against this snapshot and classify the differences')
    .option('--accept-data-loss <list>', 'comma-separated differences to accept')
    .option('--estimate-rows-above <n>', 'count huge tables from statistics')
    .option('-f, --format <format>', 'text | json', 'text')
    .action(async (flags) => {
      const { checkCommand } = await import('./commands/check.js');
      code = await checkCommand(flags, io);
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
  // Start compiling the SQL parser's WASM while the CLI's modules load (cold start).
  if (['lint', 'baseline'].includes(process.argv[2] ?? '')) void import('../sources/sql/parser.js').then((m) => m.loadSqlParser()).catch(() => undefined);
  main(process.argv.slice(2), processIO()).then(
    (code) => process.exit(code),
    () => process.exit(2),
  );
}
