import type { Direction } from '../model/migration.js';
import type { Severity } from './rule.js';

export type FindingSeverity = Severity | 'info';
import type { Phase } from '../model/phase.js';

/** Findings are data: position is bytes; the reporter turns it into line/column. */
export interface Finding {
  rule: string;
  /** 'info' findings are reported but never fail a run. */
  severity: FindingSeverity;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  help: string;
  file: string;
  start: number;
  end: number;
  direction: Direction;
  language: 'sql' | 'python';
  /** Expand/migrate/contract phase of the operation the finding is about (absent for file-level findings). */
  phase?: Phase;
  /** Set when an ignore directive covers the finding; suppressed findings do not count. */
  suppressed?: { reason: string; directive: { start: number; end: number } };
}
