import type { MigrationContext } from '../model/context.js';
import type { OpKind, OpOf, Operation, Span } from '../model/operation.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export type Category = 'dangerous' | 'lock' | 'types' | 'alembic' | 'meta';

export interface RuleMeta {
  /** kebab-case; the folder name, docs slug, config key, ignore token and JSON/SARIF id. */
  id: string;
  summary: string;
  severity: Severity;
  category: Category;
  /** Message templates; `{name}` is replaced from the finding's data. */
  messages: Record<string, string>;
  /** One-line safe alternative, shown under every finding (may use `{name}` too). */
  help: string;
  /**
   * What the rule needs to see. 'file' (default): one migration file, so its docs examples and
   * cases are single files. 'release': git history (changed/released migrations, app code);
   * 'graph': the whole revision graph. Those are tested with real repositories/projects.
   */
  scope?: 'file' | 'release' | 'graph';
  /** Report only the first finding per file (e.g. require-lock-timeout). */
  oncePerFile?: boolean;
}

export interface RuleFinding {
  messageId: string;
  data?: Record<string, string | number>;
  /** Defaults to the operation's span. */
  span?: Span;
}

export interface Rule<K extends OpKind = OpKind> {
  meta: RuleMeta;
  /** Operation kinds this rule looks at; the engine dispatches by kind. Empty for meta rules. */
  kinds: readonly K[];
  check(op: OpOf<K>, ctx: MigrationContext): RuleFinding[];
  /**
   * Optional whole-migration check, run once after the per-operation pass, for rules that relate
   * several operations (e.g. mixed-phases). `ops` come with the context each one ran in.
   */
  checkMigration?(ops: readonly OpInContext[], m: MigrationInfo): RuleFinding[];
}

export interface OpInContext {
  op: Operation;
  /** Every table the operation touches was created earlier in the same migration. */
  onNewTable: boolean;
  /** A transaction was open when the operation ran (an explicit one, or the runner's). */
  underTransaction: boolean;
}

export interface MigrationInfo {
  file: string;
  direction: 'upgrade' | 'downgrade';
  pgVersion: number;
}

/** Helps rule files keep the op type narrowed to their kinds. */
export function defineRule<K extends OpKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** A template split at its `{name}` placeholders: text, name, text, name, …, text. */
const compiled = new Map<string, string[]>();

/** `{name}` in `template` replaced from `data`; a name not in `data` stays as written. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (compiled.size < 1000) compiled.set(template, parts); // templates are the rules' own: a fixed set
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

export type AnyRule = Rule<any> & { check(op: Operation, ctx: MigrationContext): RuleFinding[] };
