/**
 * One pass over a migration's operations: dispatch by kind to the active rules, then
 * apply ignore directives and report invalid and unused ones.
 */
import type { Migration, Directive } from '../model/migration.js';
import { compareText } from '../util/compare.js';
import { tablesOf, type Operation } from '../model/operation.js';
import type { Finding } from './finding.js';
import { format, type AnyRule, type Severity } from './rule.js';
import { ContextTracker } from './context-tracker.js';
import { phaseOf, type Phase } from '../model/phase.js';
import type { OpInContext } from './rule.js';

export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
}

export interface EngineOptions {
  /** Active rules by id (rules turned off are absent). */
  active: Map<string, ActiveRule>;
  /** Every rule id the registry knows (for validating ignores). */
  known: ReadonlySet<string>;
  pgVersion: number;
}

/** Meta rules that cannot be ignored. */
const UNSUPPRESSIBLE = new Set(['invalid-ignore', 'unused-ignore']);

const dispatch = new WeakMap<Map<string, ActiveRule>, Map<string, ActiveRule[]>>();

/** Active rules by operation kind, built once per active-rule set (not once per migration). */
function dispatchTable(active: Map<string, ActiveRule>): Map<string, ActiveRule[]> {
  let byKind = dispatch.get(active);
  if (byKind) return byKind;
  byKind = new Map();
  for (const a of active.values()) for (const k of a.rule.kinds) {
    let list = byKind.get(k);
    if (!list) byKind.set(k, (list = []));
    list.push(a);
  }
  dispatch.set(active, byKind);
  return byKind;
}

/** Lint one migration: rules, then suppressions (ignores, invalid-ignore, unused-ignore). */
export function lintMigration(m: Migration, opts: EngineOptions): Finding[] {
  return applySuppressions(m, checkMigration(m, opts), opts);
}

/** The rule pass: every active rule over the operations, whole-migration checks and source problems. */
export function checkMigration(m: Migration, opts: EngineOptions): Finding[] {
  const byKind = dispatchTable(opts.active);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const once = new Set<string>();
  const make = (a: { id: string; severity: Severity; help: string }, messageId: string, message: string, data: Record<string, string | number>, start: number, end: number, phase?: Phase): void => {
    const key = `${a.id}|${start}|${end}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({
      rule: a.id, severity: a.severity, messageId, data, message, help: format(a.help, data), file: m.file, start, end,
      direction: m.direction, language: m.language, ...(phase && phase !== 'none' ? { phase } : {}),
    });
  };

  const tracker = new ContextTracker(m, opts.pgVersion);
  const withMigrationChecks = [...opts.active.values()].filter((a) => a.rule.checkMigration);
  const inContext: OpInContext[] = [];
  for (const op of m.operations) {
    if (withMigrationChecks.length) {
      const tables = tablesOf(op);
      inContext.push({
        op, onNewTable: tables.length > 0 && tables.every((t) => tracker.ctx.isNew(t)),
        underTransaction: tracker.ctx.inTransaction || tracker.ctx.runnerTransaction,
      });
    }
    const rules = byKind.get(op.kind);
    if (rules) {
      for (const a of rules) {
        const meta = a.rule.meta;
        if (meta.oncePerFile && once.has(meta.id)) continue;
        const results = a.rule.check(op as Operation, tracker.ctx);
        for (const r of results) {
          const data = r.data ?? {};
          const tpl = meta.messages[r.messageId];
          if (tpl === undefined) throw new Error(`rule ${meta.id} has no message "${r.messageId}"`);
          const span = r.span ?? op;
          make({ id: meta.id, severity: a.severity, help: meta.help }, r.messageId, format(tpl, data), data, span.start, span.end, phaseOf(op as Operation));
          if (meta.oncePerFile) {
            once.add(meta.id);
            break;
          }
        }
      }
    }
    tracker.after(op);
  }
  for (const a of withMigrationChecks) {
    const meta = a.rule.meta;
    for (const r of a.rule.checkMigration!(inContext, { file: m.file, direction: m.direction, pgVersion: opts.pgVersion })) {
      const data = r.data ?? {};
      const tpl = meta.messages[r.messageId];
      if (tpl === undefined) throw new Error(`rule ${meta.id} has no message "${r.messageId}"`);
      const span = r.span ?? { start: 0, end: 0 };
      make({ id: meta.id, severity: a.severity, help: meta.help }, r.messageId, format(tpl, data), data, span.start, span.end);
    }
  }

  for (const p of m.problems) {
    const a = opts.active.get(p.rule);
    if (!a) continue;
    const tpl = p.messageId ? a.rule.meta.messages[p.messageId] : undefined;
    if (p.messageId && tpl === undefined) throw new Error(`rule ${p.rule} has no message "${p.messageId}"`);
    const data = p.data ?? {};
    make({ id: p.rule, severity: a.severity, help: a.rule.meta.help }, p.messageId ?? 'problem', tpl !== undefined ? format(tpl, data) : p.message, data, p.start, p.end);
  }

  return findings;
}

/**
 * Apply a migration's ignore directives to its findings (from any source: the rule pass, the
 * release analysis, the revision graph), and add invalid-ignore / unused-ignore findings.
 */
export function applySuppressions(m: Migration, input: Finding[], opts: EngineOptions): Finding[] {
  const findings = [...input];
  const make = (a: { id: string; severity: Severity; help: string }, messageId: string, message: string, data: Record<string, string | number>, start: number, end: number): void => {
    findings.push({ rule: a.id, severity: a.severity, messageId, data, message, help: format(a.help, data), file: m.file, start, end, direction: m.direction, language: m.language });
  };
  const invalid = opts.active.get('invalid-ignore');
  for (const d of m.invalidDirectives) {
    if (invalid) make({ id: 'invalid-ignore', severity: invalid.severity, help: invalid.rule.meta.help }, 'malformed', `Malformed ignore: ${d.problem}. It suppresses nothing.`, { problem: d.problem }, d.start, d.end);
  }
  const valid: Directive[] = [];
  for (const d of m.directives) {
    const unknown = d.rules.filter((r) => !opts.known.has(r));
    if (unknown.length) {
      if (invalid) {
        const data = { rules: unknown.join(', ') };
        make({ id: 'invalid-ignore', severity: invalid.severity, help: invalid.rule.meta.help }, 'unknownRule', format(invalid.rule.meta.messages.unknownRule!, data), data, d.start, d.end);
      }
      continue;
    }
    if (d.scope === 'next' && !d.target) {
      if (invalid) make({ id: 'invalid-ignore', severity: invalid.severity, help: invalid.rule.meta.help }, 'noTarget', invalid.rule.meta.messages.noTarget!, {}, d.start, d.end);
      continue;
    }
    valid.push(d);
  }
  const used = new Set<string>();
  for (const f of findings) {
    if (UNSUPPRESSIBLE.has(f.rule)) continue;
    for (let i = 0; i < valid.length; i++) {
      const d = valid[i]!;
      if (!d.rules.includes(f.rule)) continue;
      const covers = d.scope === 'file' || (d.target !== null && f.start >= d.target.start && f.start <= Math.max(d.target.end, d.target.start));
      if (!covers) continue;
      used.add(`${i}|${f.rule}`);
      if (!f.suppressed) f.suppressed = { reason: d.reason, directive: { start: d.start, end: d.end } };
    }
  }
  const unused = opts.active.get('unused-ignore');
  if (unused) {
    valid.forEach((d, i) => {
      for (const r of d.rules) {
        if (used.has(`${i}|${r}`) || !opts.active.has(r)) continue;
        const data = { rule: r };
        make({ id: 'unused-ignore', severity: unused.severity, help: unused.rule.meta.help }, 'unused', format(unused.rule.meta.messages.unused!, data), data, d.start, d.end);
      }
    });
  }
  findings.sort((a, b) => a.start - b.start || compareText(a.rule, b.rule));
  return findings;
}

/**
 * applySuppressions for the migrations that come from one file (an Alembic revision gives an
 * upgrade and a downgrade). A file-scope ignore belongs to both, so it is unused only when it
 * suppresses nothing in either, and an ignore that is invalid in both is reported once.
 */
export function applySuppressionsToFile(parts: readonly { migration: Migration; raw: Finding[] }[], opts: EngineOptions): Finding[] {
  const per = parts.map((p) => applySuppressions(p.migration, p.raw, opts));
  if (parts.length < 2) return per.flat();
  const present = new Map<string, number>();
  for (const { migration } of parts) for (const d of migration.directives) for (const r of d.rules) {
    const k = `${d.start}|${d.end}|${r}`;
    present.set(k, (present.get(k) ?? 0) + 1);
  }
  const unusedKey = (f: Finding) => `${f.start}|${f.end}|${f.data.rule}`;
  const unusedCount = new Map<string, number>();
  for (const fs of per) for (const f of fs) if (f.rule === 'unused-ignore') unusedCount.set(unusedKey(f), (unusedCount.get(unusedKey(f)) ?? 0) + 1);
  const out: Finding[] = [];
  const once = new Set<string>();
  for (const fs of per) for (const f of fs) {
    if (f.rule === 'unused-ignore') {
      const k = unusedKey(f);
      if ((unusedCount.get(k) ?? 0) < (present.get(k) ?? 1) || once.has(`u|${k}`)) continue;
      once.add(`u|${k}`);
    } else if (f.rule === 'invalid-ignore') {
      const k = `i|${f.start}|${f.end}|${f.message}`;
      if (once.has(k)) continue;
      once.add(k);
    }
    out.push(f);
  }
  return out;
}
