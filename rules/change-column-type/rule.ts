import { defineRule } from '../../src/engine/rule.js';
import type { TypeSpec } from '../../src/model/operation.js';

/** numeric's (precision, scale); scale defaults to 0. Null for an unconstrained numeric. */
function numericMods(t: TypeSpec): [number, number] | null {
  if (t.mods.length === 0) return null;
  return [t.mods[0]!, t.mods[1] ?? 0];
}

/** A length limit that is absent (no limit) or at least the old one. */
function widerLength(from: TypeSpec, to: TypeSpec): boolean {
  if (to.mods.length === 0) return true;
  return from.mods.length === 1 && to.mods.length === 1 && to.mods[0]! >= from.mods[0]!;
}

/**
 * PostgreSQL changes `from` to `to` in the catalog only, without rewriting the table or rebuilding
 * its indexes, and every value of `from` stays the same value of `to`: the same type, a binary
 * coercible one, or a wider length/precision limit (no scale change).
 */
export function catalogOnlyChange(from: TypeSpec, to: TypeSpec): boolean {
  if (from.array !== to.array) return false;
  if (from.name === to.name && from.mods.length === to.mods.length && from.mods.every((m, i) => m === to.mods[i])) return true;
  if (from.array) return false;
  switch (from.name) {
    case 'varchar':
      return to.name === 'text' || (to.name === 'varchar' && widerLength(from, to));
    case 'text':
      return to.name === 'varchar' && to.mods.length === 0;
    case 'varbit':
      return to.name === 'varbit' && widerLength(from, to);
    case 'numeric': {
      if (to.name !== 'numeric') return false;
      const a = numericMods(from);
      const b = numericMods(to);
      if (!b) return true;
      return !!a && b[1] === a[1] && b[0] >= a[0];
    }
    case 'cidr':
      return to.name === 'inet' && to.mods.length === 0;
    default:
      return false;
  }
}

export default defineRule({
  meta: {
    id: 'change-column-type',
    summary: 'Changing a column type rewrites the table under ACCESS EXCLUSIVE and can break clients',
    severity: 'error',
    category: 'dangerous',
    messages: {
      change: 'Changing the type of "{table}"."{column}" to {type} takes an ACCESS EXCLUSIVE lock and, for most type changes, rewrites the whole table and its indexes while holding it: no reads or writes until it finishes. The cast may also fail or truncate values, and clients that expect the old type break.',
      changeFrom: 'Changing the type of "{table}"."{column}" from {oldType} to {type} takes an ACCESS EXCLUSIVE lock and, as {why}, rewrites the whole table and its indexes while holding it: no reads or writes until it finishes. The cast may also fail or truncate values, and clients that expect {oldType} break.',
    },
    help: 'Add a new column with the new type, dual-write, backfill in batches, switch reads, then drop the old column later. See `migsafe explain change-column-type`.',
  },
  kinds: ['alter_column_type'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    const type = op.newType?.display ?? 'a new type';
    if (op.oldType && op.newType) {
      // A catalog-only change holds its ACCESS EXCLUSIVE lock only briefly (require-lock-timeout still applies).
      if (op.using === null && catalogOnlyChange(op.oldType, op.newType)) return [];
      const why = op.using !== null ? 'it has a USING expression' : 'this is not a change PostgreSQL makes in the catalog only';
      return [{ messageId: 'changeFrom', data: { table: op.table, column: op.column, oldType: op.oldType.display, type, why } }];
    }
    return [{ messageId: 'change', data: { table: op.table, column: op.column, type } }];
  },
});
