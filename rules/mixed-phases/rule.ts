import { defineRule, type RuleFinding } from '../../src/engine/rule.js';
import { describeOp, phaseOf } from '../../src/model/phase.js';
import type { Operation } from '../../src/model/operation.js';

const list = (xs: string[]) => (xs.length > 3 ? `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more` : xs.join(', '));

export default defineRule({
  meta: {
    id: 'mixed-phases',
    summary: 'One migration both expands (or migrates data) and contracts the schema',
    severity: 'error',
    category: 'dangerous',
    messages: {
      mixed: 'This migration contracts the schema ({contract}) in the same deploy as it expands or migrates it ({expand}). The old code that is still running while this deploys, and the code you would roll back to, need the schema the contract step removes, so there is no safe moment to run it and no safe rollback.',
    },
    help: 'Split it across deploys: expand ({expand}) and backfill now; switch the code over; contract ({contract}) in a later release. See `migsafe explain mixed-phases`.',
  },
  kinds: [],
  check: () => [],
  checkMigration(ops, m) {
    if (m.direction !== 'upgrade') return [];
    const scaffold = scaffolding(ops.map((o) => o.op));
    const contract = ops.filter((o) => phaseOf(o.op) === 'contract' && !o.onNewTable && !scaffold.has(o.op));
    const expand = ops.filter((o) => {
      const p = phaseOf(o.op);
      return (p === 'expand' || p === 'migrate') && !scaffold.has(o.op);
    });
    if (!contract.length || !expand.length) return [];
    const first = contract[0]!.op;
    const out: RuleFinding = {
      messageId: 'mixed',
      data: { contract: list(contract.map((o) => describeOp(o.op))), expand: list(expand.map((o) => describeOp(o.op))) },
      span: { start: first.start, end: first.end },
    };
    return [out];
  },
});

/**
 * Steps that only serve another step of the same migration, so they are not a phase of their
 * own: an index replaced by a new one (CREATE INDEX CONCURRENTLY new; DROP INDEX old), and the
 * CHECK (… IS NOT NULL) that SET NOT NULL uses to skip its scan (added, validated, dropped again).
 */
function scaffolding(ops: Operation[]): Set<Operation> {
  const out = new Set<Operation>();
  const norm = (s: string) => s.toLowerCase().replace(/^public\./, '');
  if (ops.some((o) => o.kind === 'create_index')) for (const o of ops) if (o.kind === 'drop_index') out.add(o);
  const notNullTables = new Set(ops.filter((o) => o.kind === 'set_not_null').map((o) => norm((o as { table: string }).table)));
  const added = new Set<string>();
  for (const o of ops) {
    if (o.kind === 'add_constraint' && o.constraint === 'check' && notNullTables.has(norm(o.table))) {
      out.add(o);
      if (o.name) added.add(`${norm(o.table)}.${o.name.toLowerCase()}`);
    }
    if (o.kind === 'validate_constraint' && notNullTables.has(norm(o.table))) out.add(o);
  }
  for (const o of ops) if (o.kind === 'drop_constraint' && added.has(`${norm(o.table)}.${o.name.toLowerCase()}`)) out.add(o);
  return out;
}
