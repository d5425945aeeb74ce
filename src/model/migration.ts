import type { Operation, Span } from './operation.js';
import type { SourceText } from '../sources/source-text.js';

export type Direction = 'upgrade' | 'downgrade';
export type Language = 'sql' | 'python';

/** A parsed `migsafe-ignore` comment. */
export interface Directive extends Span {
  scope: 'next' | 'file';
  rules: string[];
  reason: string;
  /** What the directive covers: the next statement / op call, or the same line's. Null for file scope. */
  target: Span | null;
}

/** A `migsafe-…` comment that could not be understood. It suppresses nothing. */
export interface InvalidDirective extends Span {
  problem: string;
}

/** A problem found while reading the source: becomes a finding of the named meta rule. */
export interface SourceProblem extends Span {
  rule: 'syntax-error' | 'dynamic-sql' | 'irreversible-downgrade';
  /** The final message, used when `messageId` is absent. */
  message: string;
  /** A message of the rule's meta.messages, filled from `data` (preferred over `message`). */
  messageId?: string;
  data?: Record<string, string | number>;
}

export interface Migration {
  file: string;
  source: SourceText;
  language: Language;
  direction: Direction;
  operations: Operation[];
  directives: Directive[];
  invalidDirectives: InvalidDirective[];
  problems: SourceProblem[];
  /** True when the runner wraps the whole file in one transaction (Alembic on PostgreSQL, or assumeInTransaction). */
  transactional: boolean;
  /** Session settings in effect before the first statement (Alembic: set on the connection in env.py). */
  preset?: SessionPreset;
}

/** Timeouts the runner sets on the connection before the migration runs. */
export interface SessionPreset {
  lockTimeout: boolean;
  statementTimeout: boolean;
}
