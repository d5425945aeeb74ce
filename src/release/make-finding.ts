import type { Finding, FindingSeverity } from '../engine/finding.js';
import { format, type AnyRule, type Severity } from '../engine/rule.js';
import type { ActiveRule } from '../engine/lint-migration.js';
import type { Migration } from '../model/migration.js';
import type { Span } from '../model/operation.js';
import { phaseOf } from '../model/phase.js';
import type { Operation } from '../model/operation.js';

/** Build a finding for a release- or graph-scope rule (outside the per-file engine pass). */
export function releaseFinding(
  active: Map<string, ActiveRule>,
  id: string,
  messageId: string,
  data: Record<string, string | number>,
  m: Pick<Migration, 'file' | 'direction' | 'language'>,
  span: Span,
  opts: { severity?: FindingSeverity; op?: Operation } = {},
): Finding | null {
  const a = active.get(id);
  if (!a) return null;
  const rule: AnyRule = a.rule;
  const tpl = rule.meta.messages[messageId];
  if (tpl === undefined) throw new Error(`rule ${id} has no message "${messageId}"`);
  const severity: FindingSeverity = opts.severity ?? (a.severity as Severity);
  const phase = opts.op ? phaseOf(opts.op) : undefined;
  return {
    rule: id, severity, messageId, data, message: format(tpl, data), help: format(rule.meta.help, data), file: m.file,
    start: span.start, end: span.end, direction: m.direction, language: m.language, ...(phase && phase !== 'none' ? { phase } : {}),
  };
}
