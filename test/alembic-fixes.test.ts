/**
 * Alembic front end and project discovery, fixed defects: env.py read from the parse (comments,
 * strings and the offline path do not turn transactions off), path_separator in alembic.ini,
 * `migsafe graph` on missing paths and unreadable version locations, get_context() /
 * batch_alter_table() bound to a name before the with, `return` as an empty downgrade,
 * names that are not constants, and the multi-database template.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectClean, expectFindings, lintPython, ready, testConfig } from './helpers.js';
import { migsafe, tmp, hasStack } from './cli-helpers.js';
import { lint } from '../src/lint.js';
import { loadAlembicFile } from '../src/sources/alembic/index.js';
import { configuresNonTransactional, envTransactional, readAlembicIni, splitVersionLocations } from '../src/sources/alembic/project.js';

beforeAll(async () => {
  await ready;
});

const UNFILLED = /\{[A-Za-z][A-Za-z0-9]*\}/;

const file = (up: string, down = 'pass', head = '') =>
  `"""test revision"""\nfrom alembic import op\nimport sqlalchemy as sa\n${head}\nrevision = "abc123"\ndown_revision = None\n\n\ndef upgrade():\n${indent(up)}\n\n\ndef downgrade():\n${indent(down)}\n`;
const indent = (s: string) => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
const rev = (id: string, down: string | null, body: string) =>
  `revision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\nfrom alembic import op\n\n\ndef upgrade():\n    ${body}\n\n\ndef downgrade():\n    pass\n`;

/** The Alembic template's env.py, with `online` / `offline` extra keyword arguments and extra lines. */
const envPy = (o: { online?: string; offline?: string; extra?: string; imports?: string } = {}) => `"""env.py"""
${o.imports ?? 'from alembic import context'}
${o.extra ?? ''}

config = context.config


def run_migrations_offline():
    url = config.get_main_option("sqlalchemy.url")
    context.configure(url=url, literal_binds=True${o.offline ?? ''})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.")
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None${o.online ?? ''})
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;

describe('env.py: transactional_ddl=False is read from the parse of the online path', () => {
  it('a keyword argument of context.configure() in run_migrations_online turns transactions off', () => {
    expect(configuresNonTransactional(envPy({ online: ', transactional_ddl=False' }))).toBe(true);
    // through an alias, and through a constant
    expect(configuresNonTransactional(envPy({ imports: 'from alembic import context as ctx\ncontext = ctx', online: ', transactional_ddl=False' }))).toBe(true);
    expect(configuresNonTransactional(envPy({ extra: 'TRANSACTIONAL = False', online: ', transactional_ddl=TRANSACTIONAL' }))).toBe(true);
    // through **options
    expect(configuresNonTransactional(envPy({ extra: 'OPTS = dict(transactional_ddl=False)', online: ', **OPTS' }))).toBe(true);
    expect(configuresNonTransactional(envPy({ online: ', **{"transactional_ddl": False}' }))).toBe(true);
  });

  it('a comment, a string, the offline path, or transactional_ddl=True do not', () => {
    expect(configuresNonTransactional(envPy({ extra: '# NOTE: do not set transactional_ddl=False here' }))).toBe(false);
    expect(configuresNonTransactional(envPy({ online: '  # , transactional_ddl=False' }))).toBe(false);
    expect(configuresNonTransactional(envPy({ extra: 'HELP = "pass transactional_ddl=False to configure()"' }))).toBe(false);
    expect(configuresNonTransactional(envPy({ offline: ', transactional_ddl=False' }))).toBe(false);
    expect(configuresNonTransactional(envPy({ online: ', transactional_ddl=True' }))).toBe(false);
    expect(configuresNonTransactional(envPy({ online: ', transaction_per_migration=True' }))).toBe(false);
  });

  it('envTransactional reads the file; a missing env.py is transactional', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'env.py'), envPy({ extra: '# transactional_ddl=False' }));
    expect(envTransactional(join(dir, 'env.py'))).toBe(true);
    writeFileSync(join(dir, 'env.py'), envPy({ online: ', transactional_ddl=False' }));
    expect(envTransactional(join(dir, 'env.py'))).toBe(false);
    expect(envTransactional(join(dir, 'nope.py'))).toBe(true);
  });

  // Through the binary: lint discovers the project before it loads the Python parser.
  const project = (env: string) => {
    const dir = tmp();
    mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
    writeFileSync(join(dir, 'alembic.ini'), '[alembic]\nscript_location = migrations\n');
    writeFileSync(join(dir, 'migrations', 'env.py'), env);
    writeFileSync(join(dir, 'migrations', 'versions', 'a.py'), rev('a', null, 'op.create_index("ix_users_a", "users", ["a"], postgresql_concurrently=True)'));
    return dir;
  };
  const rules = (dir: string) => JSON.parse(migsafe(['lint', '.', '--format', 'json'], { cwd: dir }).stdout).findings.map((f: any) => f.rule);

  it('migsafe lint: a comment or the offline path leave the project transactional (CONCURRENTLY in a transaction is found)', () => {
    expect(rules(project(envPy({ extra: '# NOTE: do not set transactional_ddl=False here' })))).toContain('concurrent-in-transaction');
    expect(rules(project(envPy({ offline: ', transactional_ddl=False' })))).toContain('concurrent-in-transaction');
    expect(rules(project(envPy({ online: ', transactional_ddl=False' })))).not.toContain('concurrent-in-transaction');
  });

  it('lint() and a single revision file named on the command line agree', async () => {
    const dir = project(envPy({ offline: ', transactional_ddl=False' }));
    const r = await lint({ paths: ['.'], cwd: dir, config: testConfig({ root: dir }) });
    expect(r.findings.map((f) => f.rule)).toContain('concurrent-in-transaction');
    expect(rules(dir)).toContain('concurrent-in-transaction');
    const one = JSON.parse(migsafe(['lint', 'migrations/versions/a.py', '--format', 'json'], { cwd: dir }).stdout).findings.map((f: any) => f.rule);
    expect(one).toContain('concurrent-in-transaction');
  });
});

describe('alembic.ini: path_separator', () => {
  const main = (o: Record<string, string>) => new Map(Object.entries(o));
  it('path_separator supersedes version_path_separator; without either, spaces and commas split', () => {
    const p: string[] = [];
    expect(splitVersionLocations('a:b c', main({ path_separator: 'os' }), p)).toEqual(['a', 'b c']);
    expect(splitVersionLocations('a;b', main({ path_separator: ';', version_path_separator: ':' }), p)).toEqual(['a', 'b']);
    expect(splitVersionLocations('a b', main({ path_separator: 'space' }), p)).toEqual(['a', 'b']);
    expect(splitVersionLocations('a x\nb y', main({ path_separator: 'newline' }), p)).toEqual(['a x', 'b y']);
    expect(splitVersionLocations('a:b', main({ version_path_separator: ':' }), p)).toEqual(['a', 'b']);
    expect(splitVersionLocations('a, b c', main({}), p)).toEqual(['a', 'b', 'c']);
    expect(p).toEqual([]);
    expect(splitVersionLocations('a b', main({ path_separator: 'comma' }), p)).toEqual(['a', 'b']);
    expect(p).toEqual(['unknown path_separator "comma" (expected os, space, newline, ":" or ";")']);
  });

  const project = (ini: string) => {
    const dir = tmp();
    for (const d of ['mig/versions', 'extra/v2']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/mig\n${ini}`);
    writeFileSync(join(dir, 'mig', 'versions', 'a.py'), rev('a', null, 'op.execute("SELECT 1")'));
    writeFileSync(join(dir, 'extra', 'v2', 'b.py'), rev('b', 'a', 'op.drop_column("users", "x")'));
    return dir;
  };

  it('path_separator = os (Alembic ≥ 1.16, the new template) splits version_locations on os.pathsep', () => {
    const dir = project('version_locations = %(here)s/mig/versions:%(here)s/extra/v2\npath_separator = os\n');
    expect(readAlembicIni(join(dir, 'alembic.ini')).problems).toEqual([]);
    const r = migsafe(['graph', '.'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 head: b');
    const l = migsafe(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(l.stdout).findings.map((f: any) => f.rule)).toContain('drop-column');
  });

  it('path_separator = newline, with version_locations on continuation lines', () => {
    const dir = project('path_separator = newline\nversion_locations =\n    %(here)s/mig/versions\n    %(here)s/extra/v2\n');
    const r = migsafe(['graph', '.'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 head: b');
  });

  it('version locations that do not exist: graph fails with the reason (exit 2), not "0 heads"', () => {
    // Written for path_separator = os, but the key is missing: one location "…/mig/versions:…/extra/v2".
    const dir = project('version_locations = %(here)s/mig/versions:%(here)s/extra/v2\n');
    const r = migsafe(['graph', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('0 heads');
    expect(r.stderr).toMatch(/alembic\.ini: version_locations: ".*mig\/versions:.*extra\/v2" is not a directory; is path_separator set/);
    expect(r.stderr).toContain('no Alembic revisions found');
    expect(hasStack(r.stderr)).toBe(false);
    const l = migsafe(['lint', '.'], { cwd: dir });
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('is not a directory');
  });

  it('one of two locations missing: the history of the other is shown, with the problem, exit 2', () => {
    const dir = project('path_separator = ;\nversion_locations = %(here)s/mig/versions;%(here)s/gone\n');
    const r = migsafe(['graph', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('1 head: a');
    expect(r.stderr).toContain('version_locations: "');
  });
});

describe('migsafe graph on a path that does not exist', () => {
  it('says so in one line, exit 2', () => {
    const r = migsafe(['graph', 'nonexist']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nonexist: no such file or directory');
    expect(r.stderr).not.toContain('no Alembic revisions found');
    expect(r.stdout).toBe('');
  });
});

describe('get_context() and batch_alter_table() bound to a name before the with', () => {
  it('ctx = op.get_context(); with ctx.autocommit_block(): is an autocommit block', () => {
    const text = file('ctx = op.get_context()\nwith ctx.autocommit_block():\n    op.create_index("ix_users_a", "users", ["a"], postgresql_concurrently=True)');
    expect(loadAlembicFile({ file: 't.py', text }).upgrade.operations.map((o) => o.kind)).toEqual(['transaction', 'create_index', 'transaction']);
    expectClean(lintPython(text), 'concurrent-in-transaction');
  });

  it('batch = op.batch_alter_table("users"); with batch as bo: bo.drop_column(…) is a batch operation', () => {
    const text = file('batch = op.batch_alter_table("users")\nwith batch as bo:\n    bo.drop_column("l3")');
    const ops = loadAlembicFile({ file: 't.py', text }).upgrade.operations;
    expect(ops.find((o) => o.kind === 'drop_column')).toMatchObject({ table: 'users', column: 'l3' });
    const [f] = expectFindings(lintPython(text), 'drop-column', 1);
    expect(f!.message).toContain('"l3" from "users"');
  });
});

describe('irreversible-downgrade: a bare return', () => {
  it.each([['return'], ['return None'], ['"""nothing to undo"""\nreturn'], ['pass\nreturn']])('downgrade(): %j does nothing', (body) => {
    const r = lintPython(file('op.add_column("users", sa.Column("n", sa.Text()))', body));
    const [f] = expectFindings(r, 'irreversible-downgrade', 1);
    expect(f!.messageId).toBe('empty');
  });

  it('return with a value, or ops before the return, are not empty; a raise before it still raises', () => {
    expectClean(lintPython(file('op.add_column("users", sa.Column("n", sa.Text()))', 'op.drop_column("users", "n")\nreturn')), 'irreversible-downgrade');
    expectClean(lintPython(file('op.add_column("users", sa.Column("n", sa.Text()))', 'return helper()')), 'irreversible-downgrade');
    expect(expectFindings(lintPython(file('op.add_column("users", sa.Column("n", sa.Text()))', 'raise NotImplementedError\nreturn')), 'irreversible-downgrade')[0]!.messageId).toBe('raises');
  });
});

describe('names that are not constants', () => {
  const head = 'def _drop(col):\n    op.drop_column("users", col)\n';
  it('a helper parameter takes the constant argument of each call site', () => {
    const text = file('_drop("l1")\n_drop(col="l2")', 'pass', head);
    const r = lintPython(text);
    expect(expectFindings(r, 'drop-column', 2).map((f) => f.data.column)).toEqual(['l1', 'l2']);
  });

  it('a loop over a literal tuple or list: one operation per element', () => {
    const text = file('for c in ("d", "e"):\n    op.drop_column("users", c)\nCOLS = ["f", "g"]\nfor c2 in COLS:\n    _drop(c2)', 'pass', head);
    const a = loadAlembicFile({ file: 't.py', text });
    expect(a.upgrade.operations.map((o) => (o.kind === 'drop_column' ? o.column : o.kind))).toEqual(['d', 'e', 'f', 'g']);
    expect(a.opCalls).toBe(2); // two call sites
    expect(expectFindings(lintPython(text), 'drop-column', 4).every((f) => !UNFILLED.test(f.message))).toBe(true);
  });

  it('a loop whose body does not depend on the element adds its operations once', () => {
    const text = file('for c in ("d", "e"):\n    op.execute("SET lock_timeout = \'1s\'")\n    op.drop_column("users", c)');
    expect(loadAlembicFile({ file: 't.py', text }).upgrade.operations.map((o) => o.kind)).toEqual(['set_config', 'drop_column', 'drop_column']);
  });

  it('a value that cannot be known is shown as its expression with a note, and the rule still fires', () => {
    const text = file('_drop(get_name())\nfor c in get_columns():\n    op.drop_column(TABLE, c)\nop.drop_table(f"t_{suffix}")\nop.create_index(f"ix_{c}", "users", [f"{c}"])', 'pass', head);
    const r = lintPython(text);
    const drops = expectFindings(r, 'drop-column', 2).map((f) => f.message);
    expect(drops[0]).toContain('Dropping column "col (not known statically)" from "users"');
    expect(drops[1]).toContain('Dropping column "c (not known statically)" from "TABLE (not known statically)"');
    const [t] = expectFindings(r, 'drop-table', 1);
    expect(t!.message).toContain('f"t_{ suffix }" (not known statically)');
    const bad = r.findings.filter((f) => UNFILLED.test(f.message) || UNFILLED.test(f.help)).map((f) => `${f.rule}: ${f.message}`);
    expect(bad).toEqual([]);
  });
});

describe('the multi-database template', () => {
  const multidb = (up1: string, down1: string, up2 = 'pass', down2 = 'pass') => `"""multidb"""
from alembic import op
import sqlalchemy as sa

revision = "abc123"
down_revision = None


def upgrade(engine_name: str) -> None:
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    globals()["downgrade_%s" % engine_name]()


def upgrade_engine1() -> None:
    ${up1}


def downgrade_engine1() -> None:
    ${down1}


def upgrade_engine2() -> None:
    ${up2}


def downgrade_engine2() -> None:
    ${down2}
`;

  it('upgrade_<engine>() and downgrade_<engine>() are linted in their direction', () => {
    const text = multidb('op.add_column("users", sa.Column("age", sa.Integer(), nullable=False))', 'op.drop_column("users", "age")', 'op.drop_table("old")');
    const r = lintPython(text);
    expect(expectFindings(r, 'add-column-required', 1)[0]!.direction).toBe('upgrade');
    expect(expectFindings(r, 'drop-table', 1)[0]!.direction).toBe('upgrade');
    expect(expectFindings(r, 'downgrade-data-loss', 1)[0]!.direction).toBe('downgrade');
    expect(r.at(r.active.find((f) => f.rule === 'drop-table')!).line).toBe(text.split('\n').findIndex((l) => l.includes('op.drop_table')) + 1);
  });

  it('an empty downgrade_<engine>() for a non-empty upgrade_<engine>() is irreversible; empty pairs are fine', () => {
    const r = lintPython(multidb('op.add_column("users", sa.Column("n", sa.Text()))', 'pass'));
    const [f] = expectFindings(r, 'irreversible-downgrade', 1);
    expect(r.at(f!).line).toBe(multidb('x', 'y').split('\n').findIndex((l) => l.startsWith('def downgrade_engine1')) + 1);
    expectClean(lintPython(multidb('op.add_column("users", sa.Column("n", sa.Text()))', 'op.drop_column("users", "n")')), 'irreversible-downgrade');
  });

  it('an ordinary upgrade() with a helper named upgrade_x is not the template', () => {
    const text = file('op.execute("SELECT 1")', 'pass') + '\n\ndef upgrade_data():\n    op.drop_table("t")\n';
    expectClean(lintPython(text), 'drop-table');
  });
});

describe('a revision file or folder linted on its own, in a secondary version location', () => {
  it("takes the transaction setting from the project whose version_locations hold it, not from a guess two levels up", async () => {
    const d = tmp();
    mkdirSync(join(d, 'mig', 'versions'), { recursive: true });
    mkdirSync(join(d, 'extra', 'v2'), { recursive: true });
    writeFileSync(join(d, 'alembic.ini'), '[alembic]\nscript_location = %(here)s/mig\nversion_locations = %(here)s/mig/versions %(here)s/extra/v2\n');
    writeFileSync(join(d, 'mig', 'env.py'), 'from alembic import context\n\ndef run_migrations_online():\n    context.configure(connection=None, transactional_ddl=False)\n');
    const rev = 'from alembic import op\n\nrevision = "b1"\ndown_revision = None\n\ndef upgrade():\n    op.create_index("ix", "t", ["a"], postgresql_concurrently=True)\n\ndef downgrade():\n    op.drop_index("ix", table_name="t", postgresql_concurrently=True)\n';
    writeFileSync(join(d, 'extra', 'v2', 'b1.py'), rev);
    for (const path of ['extra/v2/b1.py', 'extra/v2']) {
      const r = await lint({ paths: [path], cwd: d, config: testConfig({ root: d }), threads: 1 });
      expect(r.findings.filter((f) => f.rule === 'concurrent-in-transaction'), path).toEqual([]);
    }
    // the same file in a folder no project claims: Alembic's default, a transaction
    const loose = tmp();
    mkdirSync(join(loose, 'versions'));
    writeFileSync(join(loose, 'versions', 'b1.py'), rev);
    const r = await lint({ paths: ['versions/b1.py'], cwd: loose, config: testConfig({ root: loose }), threads: 1 });
    expect(r.findings.map((f) => f.rule)).toContain('concurrent-in-transaction');
  });
});

describe('PEP 263 coding declarations', () => {
  it('a latin-1 revision file is read in its declared encoding; without the declaration it is refused as non-UTF-8', async () => {
    const d = tmp();
    mkdirSync(join(d, 'versions'));
    const body = '# -*- coding: latin-1 -*-\n"""caf\xe9 columns"""\nfrom alembic import op\n\nrevision = "c1"\ndown_revision = None\n\ndef upgrade():\n    op.drop_column("caf\xe9", "men\xfc")\n\ndef downgrade():\n    pass\n';
    writeFileSync(join(d, 'versions', 'c1.py'), Buffer.from(body, 'latin1'));
    const r = await lint({ paths: ['versions/c1.py'], cwd: d, config: testConfig({ root: d }), threads: 1 });
    expect(r.fileProblems).toEqual([]);
    const f = r.findings.find((x) => x.rule === 'drop-column')!;
    expect(f.message).toContain('"menü"');
    writeFileSync(join(d, 'versions', 'c1.py'), Buffer.from(body.replace('# -*- coding: latin-1 -*-\n', '#\n'), 'latin1'));
    const bad = await lint({ paths: ['versions/c1.py'], cwd: d, config: testConfig({ root: d }), threads: 1 });
    expect(bad.fileProblems.map((p) => p.message)).toEqual([expect.stringMatching(/not valid UTF-8/)]);
  });
});

describe('timeouts set on the connection in env.py', () => {
  const rev = 'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "t1"\ndown_revision = None\n\ndef upgrade():\n    op.add_column("users", sa.Column("nick", sa.Text()))\n\ndef downgrade():\n    op.drop_column("users", "nick")\n';
  const project = (env: string) => {
    const d = tmp();
    mkdirSync(join(d, 'migrations', 'versions'), { recursive: true });
    writeFileSync(join(d, 'alembic.ini'), '[alembic]\nscript_location = migrations\n');
    writeFileSync(join(d, 'migrations', 'env.py'), env);
    writeFileSync(join(d, 'migrations', 'versions', 't1.py'), rev);
    return d;
  };
  const online = (body: string) =>
    `from alembic import context\nfrom sqlalchemy import text\n\n\ndef run_migrations_offline():\n    context.configure(url="x")\n\n\ndef run_migrations_online():\n    with connectable.connect() as connection:\n${body}\n        context.configure(connection=connection)\n        with context.begin_transaction():\n            context.run_migrations()\n`;
  const lockRule = async (d: string) => (await lint({ paths: ['.'], cwd: d, config: testConfig({ root: d }), threads: 1 })).findings.filter((f) => f.rule === 'require-lock-timeout').length;

  it('SET lock_timeout, set_config or -c lock_timeout= in the online path counts for every revision', async () => {
    expect(await lockRule(project(online('        connection.execute(text("SET lock_timeout = \'5s\'"))')))).toBe(0);
    expect(await lockRule(project(online('        connection.execute(text("SELECT set_config(\'lock_timeout\', \'5s\', false)"))')))).toBe(0);
    expect(await lockRule(project(online('        pass\nconnect_args = {"options": "-c lock_timeout=5000"}')))).toBe(0);
  });

  it('a comment, the offline path, or a zero value does not', async () => {
    expect(await lockRule(project(online("        # connection.execute(text(\"SET lock_timeout = '5s'\"))\n        pass")))).toBe(2); // upgrade and downgrade
    expect(await lockRule(project(online('        pass').replace('context.configure(url="x")', 'context.configure(url="x")\n    context.execute("SET lock_timeout = \'5s\'")')))).toBe(2); // upgrade and downgrade
    expect(await lockRule(project(online('        connection.execute(text("SET lock_timeout = 0"))')))).toBe(2); // upgrade and downgrade
  });
});
