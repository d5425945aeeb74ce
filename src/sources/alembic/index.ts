/**
 * The Alembic front end: a revision file → two Migrations (upgrade and downgrade) that share the
 * file's source, so every finding carries its direction. Nothing is executed: the Python is
 * parsed with tree-sitter and read statically.
 */
import type { Direction, Directive, InvalidDirective, Migration, SessionPreset, SourceProblem } from '../../model/migration.js';
import type { Operation, Span } from '../../model/operation.js';
import { SourceText } from '../source-text.js';
import { parsePython, type PyNode, type PyParse } from './parser.js';
import { BodyExtractor, bodyShape, engineFunctions, findFunction, moduleNames, type FunctionInfo } from './extract.js';
import { OpMapper } from './ops.js';
import { pythonDirectives } from './directives.js';
import { readRevision, type RevisionInfo } from './revision.js';
import { Scope } from './values.js';
import { looseSyntaxErrors } from './pysyntax.js';

export { loadPythonParser } from './parser.js';
export { looksLikeRevision, type RevisionInfo } from './revision.js';

export interface AlembicFileOptions {
  file: string;
  text: string;
  /** Alembic wraps each migration in a transaction on PostgreSQL unless env.py turns transactional DDL off. Default true. */
  transactional?: boolean;
  /** Timeouts env.py sets on the connection (see envTimeouts). */
  preset?: SessionPreset;
}

export interface AlembicFile {
  file: string;
  source: SourceText;
  revision: RevisionInfo;
  upgrade: Migration;
  downgrade: Migration;
  /** Operation calls written (op.*, batch_op.*, connection.execute), both functions, those in other dialects' branches included. */
  opCalls: number;
  /** The Python does not parse cleanly. */
  syntaxErrors: number;
}

const MAX_SYNTAX_ERRORS = 5;

export function loadAlembicFile(opts: AlembicFileOptions): AlembicFile {
  return alembicFileFromTree(opts, parsePython(opts.text));
}

/** loadAlembicFile() after the parse: `parsed` is parsePython(opts.text). */
export function alembicFileFromTree(opts: AlembicFileOptions, parsed: PyParse): AlembicFile {
  const src = opts.text;
  const source = new SourceText(src);
  const { root, errors } = parsed;
  const names = moduleNames(src, root);
  const extractor = new BodyExtractor(src, names, Scope.forBody(src, root, null));
  const mapper = new OpMapper(src, source);
  const bytes = (n: { start: number; end: number }): Span => ({ start: source.byteAt(n.start), end: source.byteAt(n.end) });

  const fns: Record<Direction, FunctionInfo | null> = { upgrade: findFunction(src, root, 'upgrade'), downgrade: findFunction(src, root, 'downgrade') };
  // The multi-database template: upgrade(engine_name) dispatches to upgrade_<engine>() through globals().
  const engines = engineFunctions(src, root, fns.upgrade, fns.downgrade);
  const bodies: Record<Direction, FunctionInfo[]> = {
    upgrade: [...(fns.upgrade ? [fns.upgrade] : []), ...(engines?.upgrade.map((e) => e.fn) ?? [])],
    downgrade: [...(fns.downgrade ? [fns.downgrade] : []), ...(engines?.downgrade.map((e) => e.fn) ?? [])],
  };
  type Part = { ops: Operation[]; problems: SourceProblem[]; targets: Span[]; sqlDirectives: Map<string, Directive>; sqlInvalid: Map<string, InvalidDirective> };
  const part = (): Part => ({ ops: [], problems: [], targets: [], sqlDirectives: new Map(), sqlInvalid: new Map() });
  const parts: Record<Direction, Part> = { upgrade: part(), downgrade: part() };
  let opCalls = 0;
  for (const dir of ['upgrade', 'downgrade'] as const) {
    const part = parts[dir];
    // A loop over a literal sequence repeats a call site: its later iterations add only the operations that differ.
    const seen = new Map<number, Set<string>>();
    for (const fn of bodies[dir]) {
      for (const ev of extractor.extract(fn)) {
        if (ev.kind === 'autocommit') {
          const s = bytes(ev.node);
          part.ops.push({ kind: 'transaction', action: ev.action === 'start' ? 'autocommit_start' : 'autocommit_end', start: s.start, end: s.end, stmt: s });
          continue;
        }
        const mapped = mapper.map(ev);
        // Ignores in SQL strings (op.execute): one per comment, however often its call site is mapped
        // (a loop, a module constant executed twice).
        for (const d of mapped.directives) part.sqlDirectives.set(`${d.start}|${d.end}|${d.target?.start}|${d.target?.end}`, d);
        for (const d of mapped.invalidDirectives) part.sqlInvalid.set(`${d.start}|${d.end}`, d);
        if (ev.repeat === undefined) {
          part.ops.push(...mapped.ops);
          part.problems.push(...mapped.problems);
        } else {
          const site = ev.call.node.start;
          let sigs = seen.get(site);
          if (!sigs) seen.set(site, (sigs = new Set()));
          const fresh = (x: unknown) => {
            const sig = JSON.stringify(x);
            if (ev.repeat && sigs!.has(sig)) return false;
            sigs!.add(sig);
            return true;
          };
          part.ops.push(...mapped.ops.filter(fresh));
          part.problems.push(...mapped.problems.filter(fresh));
          if (ev.repeat) continue;
        }
        opCalls++;
        part.targets.push(bytes(ev.region ?? ev.call.node));
      }
    }
  }

  // Syntax errors go to the function they are in (file-level ones to upgrade). In a tree without
  // ERROR nodes, the errors tree-sitter tolerates: Python 2 print, misaligned indentation.
  const inFn = (fn: FunctionInfo | null, at: number) => !!fn && at >= fn.node.start && at < fn.node.end;
  const loose = errors.length === 0 ? looseSyntaxErrors(src, root) : [];
  const syntax = [
    ...errors.map((e) => ({ at: e.start, span: e.missing ? e : { start: e.start, end: Math.min(e.end, lineEnd(src, e.start)) }, message: syntaxMessage(src, e) })),
    ...loose.map((e) => ({ at: e.start, span: e, message: e.message })),
  ];
  syntax.slice(0, MAX_SYNTAX_ERRORS).forEach((e) => {
    const dir: Direction = bodies.downgrade.some((fn) => inFn(fn, e.at)) ? 'downgrade' : 'upgrade';
    const s = bytes(e.span);
    parts[dir].problems.push({ rule: 'syntax-error', message: e.message, start: s.start, end: s.end });
  });

  // irreversible-downgrade: only when the file parses (otherwise the shape of downgrade() is not known).
  if (syntax.length === 0) {
    const p = parts.downgrade;
    const check = (down: FunctionInfo, up: FunctionInfo | null) => {
      const shape = bodyShape(src, down.body);
      // An empty downgrade undoes an empty upgrade (a merge revision, a placeholder) just fine, and
      // one that changes no schema (VALIDATE CONSTRAINT, VACUUM, settings): nothing to undo.
      const upgradeEmpty = !up || bodyShape(src, up.body).kind === 'empty' || leavesSchema(parts.upgrade.ops);
      if (shape.kind === 'empty' && !upgradeEmpty) {
        const h = bytes(down.header);
        p.problems.push({ rule: 'irreversible-downgrade', messageId: 'empty', data: {}, message: '', ...h });
        p.targets.push(h);
      } else if (shape.kind === 'raises') {
        const r = bytes(shape.node);
        p.problems.push({ rule: 'irreversible-downgrade', messageId: 'raises', data: { exception: shape.what }, message: '', ...r });
        p.targets.push(r);
      }
    };
    if (!fns.downgrade) p.problems.push({ rule: 'irreversible-downgrade', messageId: 'missing', data: {}, message: '', start: 0, end: 0 });
    else if (engines) {
      // Per engine: downgrade_<engine>() must undo upgrade_<engine>().
      for (const d of engines.downgrade) check(d.fn, engines.upgrade.find((u) => u.engine === d.engine)?.fn ?? null);
    } else check(fns.downgrade, fns.upgrade);
  }

  const allTargets = [...parts.upgrade.targets, ...parts.downgrade.targets].sort((a, b) => a.start - b.start || b.end - a.end);
  const { directives, invalid } = pythonDirectives(src, source, root, allTargets);
  const downSpans = bodies.downgrade.map((fn) => bytes(fn.node));
  const inDown = (s: Span) => downSpans.some((d) => s.start >= d.start && s.start < d.end);
  const dirFor = (d: Directive): Direction[] => (d.scope === 'file' ? ['upgrade', 'downgrade'] : d.target && inDown(d.target) ? ['downgrade'] : ['upgrade']);

  // A SQL comment's ignore belongs to the function whose op.execute holds it (a file-wide one to
  // both, like a Python one). Python comments are never inside strings: no ignore is seen twice.
  const sqlFileWide = new Map<string, Directive>();
  for (const dir of ['upgrade', 'downgrade'] as const) for (const [k, d] of parts[dir].sqlDirectives) if (d.scope === 'file') sqlFileWide.set(k, d);
  const sqlDirectives = (direction: Direction): Directive[] => [
    ...[...parts[direction].sqlDirectives.values()].filter((d) => d.scope !== 'file'),
    ...sqlFileWide.values(),
  ];
  const byStart = <T extends Span>(list: T[]): T[] => list.sort((a, b) => a.start - b.start);

  const migration = (direction: Direction): Migration => ({
    file: opts.file,
    source,
    language: 'python',
    direction,
    operations: parts[direction].ops,
    directives: byStart([...directives.filter((d) => dirFor(d).includes(direction)), ...sqlDirectives(direction)]),
    invalidDirectives: byStart([...(direction === 'upgrade' ? invalid : ([] as InvalidDirective[])), ...parts[direction].sqlInvalid.values()]),
    problems: parts[direction].problems,
    transactional: opts.transactional ?? true,
    ...(opts.preset ? { preset: opts.preset } : {}),
  });
  return {
    file: opts.file,
    source,
    revision: readRevision(src, root),
    upgrade: migration('upgrade'),
    downgrade: migration('downgrade'),
    opCalls: opCalls + extractor.otherDialectCalls,
    syntaxErrors: syntax.length,
  };
}

function lineEnd(src: string, at: number): number {
  const nl = src.indexOf('\n', at);
  return nl < 0 ? src.length : Math.max(nl, at + 1);
}

function syntaxMessage(src: string, e: PyNode): string {
  if (e.missing) return `Python syntax error: missing "${e.type}"`;
  const text = src.slice(e.start, e.end).split('\n')[0]!.trim();
  const snippet = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return snippet ? `Python syntax error near "${snippet}"` : 'Python syntax error';
}

/** Operations that change no schema and no data, so a downgrade has nothing to undo. */
const SCHEMA_NEUTRAL = new Set<Operation['kind']>(['validate_constraint', 'set_config', 'transaction', 'vacuum', 'reindex', 'refresh_matview', 'lock_table']);

/** The upgrade does something, and none of it needs undoing. */
function leavesSchema(ops: readonly Operation[]): boolean {
  return ops.length > 0 && ops.every((op) => SCHEMA_NEUTRAL.has(op.kind) || (op.kind === 'raw' && /^(Analyze|Vacuum|Checkpoint)/.test(op.statement)));
}
