import { rules } from '../../../rules/index.js';
import type { CommandIO } from '../io.js';

export function rulesCommand(flags: { format?: string }, io: CommandIO): number {
  if (flags.format === 'json') {
    io.out(JSON.stringify(rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, category: r.meta.category, summary: r.meta.summary })), null, 2) + '\n');
    return 0;
  }
  const w = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = [`${'RULE'.padEnd(w)}  SEVERITY  CATEGORY   SUMMARY`];
  for (const r of rules) lines.push(`${r.meta.id.padEnd(w)}  ${r.meta.severity.padEnd(8)}  ${r.meta.category.padEnd(9)}  ${r.meta.summary}`);
  lines.push('', `${rules.length} rules. \`migsafe explain <rule>\` shows why each one matters and the safe alternative.`);
  io.out(lines.join('\n') + '\n');
  return 0;
}
