import { defineRule, type RuleFinding } from '../../src/engine/rule.js';
import { describeOp, phaseOf } from '../../src/model/phase.js';

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
    const contract = ops.filter((o) => phaseOf(o.op) === 'contract' && !o.onNewTable);
    const expand = ops.filter((o) => {
      const p = phaseOf(o.op);
      return p === 'expand' || p === 'migrate';
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
