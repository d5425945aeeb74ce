/**
 * Ignore directives, shared by SQL (`-- …`, `/* … *\/`) and Python (`# …`) comments:
 *
 *   migsafe-ignore <rule>[, <rule>] -- <reason>       the next statement / op call, or the one on the same line
 *   migsafe-ignore-file <rule>[, <rule>] -- <reason>  the whole file
 *
 * This module only parses the comment text. Rule names are checked against the registry by
 * the engine, so an unknown rule becomes `invalid-ignore` there. A malformed directive never
 * suppresses anything.
 */

import type { Directive, InvalidDirective } from '../model/migration.js';
import type { Span } from '../model/operation.js';
import type { SourceText } from './source-text.js';

export type ParsedDirective =
  | { ok: true; scope: 'next' | 'file'; rules: string[]; reason: string }
  | { ok: false; problem: string };

const RULE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Parse the body of one comment (without its comment marker). Null when it is not a migsafe directive. */
export function parseDirective(body: string): ParsedDirective | null {
  const text = body.trim();
  const m = /^migsafe[-_:\s]?([a-z_-]*)/i.exec(text);
  if (!m || !/^migsafe[-_:]/i.test(text)) return null;
  const word = m[1]!.toLowerCase();
  let scope: 'next' | 'file';
  if (word === 'ignore' && /^migsafe-ignore\b/.test(text)) scope = 'next';
  else if (word === 'ignore-file' && /^migsafe-ignore-file\b/.test(text)) scope = 'file';
  else return { ok: false, problem: `unknown directive "${text.split(/\s/)[0]}"; use "migsafe-ignore <rule> -- <reason>" or "migsafe-ignore-file <rule> -- <reason>"` };

  const rest = text.slice(scope === 'next' ? 'migsafe-ignore'.length : 'migsafe-ignore-file'.length);
  const sep = rest.indexOf('--');
  const rulePart = (sep < 0 ? rest : rest.slice(0, sep)).trim();
  const reason = sep < 0 ? '' : rest.slice(sep + 2).trim().replace(/\*\/\s*$/, '').trim();
  if (!rulePart) return { ok: false, problem: 'the ignore names no rule; write "migsafe-ignore <rule> -- <reason>"' };
  const rules = rulePart.split(/\s*,\s*/);
  for (const r of rules) {
    if (!RULE_NAME.test(r)) return { ok: false, problem: `"${r}" is not a rule id (rule ids are kebab-case; separate several with commas)` };
  }
  if (!reason) return { ok: false, problem: `the ignore for ${rules.join(', ')} gives no reason; add " -- <why this is safe>"` };
  return { ok: true, scope, rules: [...new Set(rules)], reason };
}

/** A comment as a front end found it: UTF-16 offsets, the text without its marker. */
export interface CommentText {
  start: number;
  end: number;
  body: string;
  /** Code precedes the comment on its line. */
  trailing: boolean;
}

/**
 * Comments → directives, for any front end. `targets` are the statement (SQL) or op-call
 * (Alembic) spans in bytes, sorted by start.
 */
export function collectDirectives(comments: Iterable<CommentText>, source: SourceText, targets: Span[]): { directives: Directive[]; invalid: InvalidDirective[] } {
  const mapped: PlacedComment[] = [];
  for (const c of comments) mapped.push({ start: source.byteAt(c.start), end: source.byteAt(c.end), body: c.body, trailing: c.trailing });
  return directivesOf(mapped, targets);
}

/** A comment placed for targeting (in the same units as the targets) and for reporting (file bytes). */
export interface PlacedComment {
  start: number;
  end: number;
  body: string;
  trailing: boolean;
  /** Where the directive is reported, in file bytes, when start/end are in other units. */
  reportAt?: Span;
}

/**
 * Comments → directives; `targets` (sorted by start, in the comments' units) are the statements
 * a `migsafe-ignore` among them can cover, and `targetSpan` gives a target's span in file bytes.
 * Appends to `out` when given.
 */
export function directivesOf(
  comments: Iterable<PlacedComment>,
  targets: Span[],
  out: { directives: Directive[]; invalid: InvalidDirective[] } = { directives: [], invalid: [] },
  targetSpan: (t: Span) => Span = (t) => t,
): { directives: Directive[]; invalid: InvalidDirective[] } {
  for (const c of comments) {
    const d = parseDirective(c.body);
    if (!d) continue;
    const span = c.reportAt ? { start: c.reportAt.start, end: c.reportAt.end } : { start: c.start, end: c.end };
    if (!d.ok) {
      out.invalid.push({ ...span, problem: d.problem });
      continue;
    }
    const t = d.scope === 'file' ? null : findTarget(targets, c, c.trailing);
    out.directives.push({ ...span, scope: d.scope, rules: d.rules, reason: d.reason, target: t && targetSpan(t) });
  }
  return out;
}

/**
 * A trailing comment covers the statement it follows on the same line; a comment on its own
 * line covers the next statement. Null when there is nothing to cover.
 */
export function findTarget(statements: Span[], comment: Span, trailing: boolean): Span | null {
  if (trailing) {
    let best: Span | null = null;
    for (const s of statements) if (s.start < comment.start) best = s;
    if (best) return best;
  }
  for (const s of statements) if (s.start >= comment.end) return s;
  return null;
}
