/**
 * contract-still-referenced: a dropped or renamed column or table that application code still
 * uses — at HEAD (the new code breaks) and at the last release (the code running during the
 * deploy breaks, and a rollback would need the column). The release side is read from git.
 */
import type { Finding } from '../engine/finding.js';
import type { ActiveRule } from '../engine/lint-migration.js';
import type { GitRepo, GrepHit } from '../git/repo.js';
import type { Migration } from '../model/migration.js';
import type { Operation } from '../model/operation.js';
import { describeOp } from '../model/phase.js';
import { releaseFinding } from './make-finding.js';
import { compareText } from '../util/compare.js';

export interface CodeSearch {
  include: string[];
  exclude: string[];
}

export const DEFAULT_CODE_SEARCH: CodeSearch = {
  include: ['**/*.py'],
  exclude: ['**/versions/**', '**/migrations/**', '**/alembic/**', '**/test/**', '**/tests/**', '**/node_modules/**'],
};

interface Target {
  op: Operation;
  m: Migration;
  table: string;
  column: string | null;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bare = (t: string) => t.split('.').pop()!;

function targets(migrations: Migration[]): Target[] {
  const out: Target[] = [];
  for (const m of migrations) {
    if (m.direction !== 'upgrade') continue;
    for (const op of m.operations) {
      if (op.kind === 'drop_column' || op.kind === 'rename_column') out.push({ op, m, table: bare(op.table), column: op.column });
      else if (op.kind === 'rename_table') out.push({ op, m, table: bare(op.table), column: null });
      else if (op.kind === 'drop_table') for (const t of op.tables) out.push({ op, m, table: bare(t), column: null });
    }
  }
  return out;
}

export function pathspecs(search: CodeSearch, migrationDirs: string[]): string[] {
  return [
    ...search.include.map((g) => `:(glob)${g}`),
    ...search.exclude.map((g) => `:(exclude,glob)${g}`),
    ...migrationDirs.map((d) => `:(exclude,glob)${d}/**`),
  ];
}

/** Patterns that identify a use of the target in Python / SQLAlchemy code or raw SQL strings. */
function ormPatterns(t: Target): string[] {
  if (t.column) {
    const c = esc(t.column);
    return [`Column\\(\\s*["']${c}["']`, `^\\s*${c}\\s*(:\\s*Mapped\\[|=\\s*([A-Za-z_]+\\.)?(Column|mapped_column)\\()`];
  }
  const tb = esc(t.table);
  return [`__tablename__\\s*=\\s*["']${tb}["']`, `Table\\(\\s*["']${tb}["']`];
}
function sqlPattern(t: Target): string {
  if (t.column) return `["'].*\\b(select|insert|update|delete|where|set|returning)\\b.*\\b${esc(t.column)}\\b`;
  return `["'].*\\b(from|join|into|update|table)\\s+"?${esc(t.table)}"?\\b`;
}

function matches(t: Target, hit: GrepHit, tablesInFile: Map<string, Set<string>>): boolean {
  const line = hit.text;
  if (t.column) {
    const c = esc(t.column);
    if (new RegExp(`Column\\(\\s*["']${c}["']`).test(line) || new RegExp(`^\\s*${c}\\s*(:\\s*Mapped\\[|=\\s*([A-Za-z_]+\\.)?(Column|mapped_column)\\()`).test(line)) {
      // an ORM attribute: only when the file maps this table
      return tablesInFile.get(hit.file)?.has(t.table.toLowerCase()) ?? false;
    }
    return new RegExp(sqlPattern(t), 'i').test(line) && new RegExp(`\\b${esc(t.table)}\\b`, 'i').test(line);
  }
  return ormPatterns(t).some((p) => new RegExp(p).test(line)) || new RegExp(sqlPattern(t), 'i').test(line);
}

export async function stillReferenced(
  repo: GitRepo,
  changed: Migration[],
  active: Map<string, ActiveRule>,
  opts: { releaseRef: string | null; releaseName: string | null; search: CodeSearch; migrationDirs: string[] },
): Promise<Finding[]> {
  if (!active.has('contract-still-referenced')) return [];
  const ts = targets(changed);
  if (!ts.length) return [];
  const specs = pathspecs(opts.search, opts.migrationDirs);
  const sides: { ref: string | null; where: string }[] = [{ ref: null, where: 'at HEAD' }];
  if (opts.releaseRef) sides.push({ ref: opts.releaseRef, where: `in release ${opts.releaseName ?? opts.releaseRef}` });
  const orm = ts.flatMap(ormPatterns);
  // Both sides' greps at once: each is a git process, and --staged runs in a pre-commit hook.
  const grepped = await Promise.all(sides.map((side) => Promise.all([
    repo.grep(side.ref, orm, specs),
    repo.grep(side.ref, ts.map(sqlPattern), specs, true),
    repo.grep(side.ref, ['__tablename__\\s*=\\s*["\'][A-Za-z0-9_]+["\']'], specs),
  ])));
  const out: Finding[] = [];
  for (const [i, side] of sides.entries()) {
    const [ormHits, sqlHits, tableLines] = grepped[i]!;
    const tablesInFile = new Map<string, Set<string>>();
    for (const h of tableLines) {
      const name = /__tablename__\s*=\s*["']([A-Za-z0-9_]+)["']/.exec(h.text)?.[1];
      if (!name) continue;
      const set = tablesInFile.get(h.file) ?? new Set<string>();
      set.add(name.toLowerCase());
      tablesInFile.set(h.file, set);
    }
    const hits = [...ormHits, ...sqlHits];
    for (const t of ts) {
      const refs = hits.filter((h) => matches(t, h, tablesInFile));
      const uniq = [...new Map(refs.map((h) => [`${h.file}:${h.line}`, h])).values()].sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
      if (!uniq.length) continue;
      const shown = uniq.slice(0, 3).map((h) => `${h.file}:${h.line}`).join(', ') + (uniq.length > 3 ? ` and ${uniq.length - 3} more` : '');
      const messageId = side.ref ? 'release' : 'head';
      const f = releaseFinding(active, 'contract-still-referenced', messageId, { op: describeOp(t.op), refs: shown, where: side.where, name: t.column ? `${t.table}.${t.column}` : t.table }, t.m, t.op, { op: t.op });
      if (f) out.push(f);
    }
  }
  return out;
}
