import { readFileSync } from 'node:fs';
import { getRule, rules } from '../../../rules/index.js';
import { UsageError } from '../../errors.js';
import { ruleDocPath } from '../../paths.js';
import type { CommandIO } from '../io.js';

export function explainCommand(id: string, io: CommandIO): number {
  const rule = getRule(id);
  if (!rule) {
    const near = rules.map((r) => r.meta.id).filter((r) => r.includes(id) || id.includes(r.split('-')[0]!));
    throw new UsageError(`unknown rule "${id}"${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; run \`migsafe rules\` for the list`);
  }
  io.out(readFileSync(ruleDocPath(rule.meta.id), 'utf8'));
  return 0;
}
