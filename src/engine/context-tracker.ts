import type { AddedConstraint, MigrationContext } from '../model/context.js';
import type { Migration } from '../model/migration.js';
import type { ConstraintType, Operation, Span } from '../model/operation.js';

/**
 * Names are PostgreSQL identifiers as the front ends give them: the SQL parser folds unquoted
 * identifiers to lower case and keeps quoted ones as written, and Alembic names are exact strings
 * (SQLAlchemy quotes names that are not all lower case). So they are compared exactly: `"Foo"` is
 * not `foo`.
 */
const last = (n: string) => n.split('.').pop()!;
/** Unqualified names resolve to public (the default search_path). */
export const inPublic = (n: string) => (n.startsWith('public.') ? n.slice('public.'.length) : n);

interface Constraint {
  table: string;
  name: string | null;
  constraint: ConstraintType;
  notValid: boolean;
  validated: boolean;
  /** Transaction the ADD ran in, or -1 when it ran in its own (autocommit). */
  tx: number;
  notNull: readonly string[];
  stmt: Span;
}

/** Builds the MigrationContext as the engine walks a migration's operations in order. */
export class ContextTracker {
  readonly ctx: MigrationContext;
  private created = new Set<string>();
  private createdShort = new Set<string>();
  private sessionLock: boolean;
  private localLock = false;
  private sessionStmt: boolean;
  private localStmt = false;
  private explicitTx = false;
  private autocommit = false;
  /** Id of the open transaction (ids only grow); meaningful while inTransaction. */
  private tx = 0;
  /** Session settings when the open transaction began: a ROLLBACK restores them. */
  private saved: { lock: boolean; stmt: boolean };
  private constraints: Constraint[] = [];
  /** Operations seen so far (after() calls), and the index of each table's last DROP TABLE. */
  private done = 0;
  private readonly lastDrop = new Map<string, number>();

  constructor(private readonly m: Migration, pgVersion: number) {
    const self = this;
    m.operations.forEach((op, i) => {
      if (op.kind === 'drop_table' && op.embedded !== 'function') for (const t of op.tables) this.lastDrop.set(inPublic(t), i);
    });
    if (m.transactional) this.tx = 1;
    // timeouts set on the connection by the runner (env.py) hold for the whole migration
    this.sessionLock = !!m.preset?.lockTimeout;
    this.sessionStmt = !!m.preset?.statementTimeout;
    this.saved = { lock: this.sessionLock, stmt: this.sessionStmt };
    this.ctx = {
      file: m.file,
      direction: m.direction,
      pgVersion,
      inTransaction: m.transactional,
      runnerTransaction: m.transactional,
      lockTimeout: this.sessionLock,
      statementTimeout: this.sessionStmt,
      transactionEndedBy: null,
      isNew(n: string) {
        if (self.created.has(n) || self.created.has(`public.${n}`)) return true;
        if (!n.includes('.')) return self.createdShort.has(n);
        return n.startsWith('public.') && self.created.has(last(n));
      },
      addedConstraint(table: string, name: string): AddedConstraint | null {
        const c = self.findConstraint(table, name);
        if (!c) return null;
        return { constraint: c.constraint, notValid: c.notValid, validated: c.validated, sameTransaction: c.tx >= 0 && self.ctx.inTransaction && c.tx === self.tx, stmt: c.stmt };
      },
      hasValidatedCheck(table: string): boolean {
        const t = inPublic(table);
        return self.constraints.some((c) => c.table === t && c.validated && c.constraint === 'check');
      },
      notNullProven(table: string, column: string): boolean {
        const t = inPublic(table);
        return self.constraints.some((c) => c.table === t && c.validated && c.notNull.includes(column));
      },
      droppedLater(table: string): boolean {
        return (self.lastDrop.get(inPublic(table)) ?? -1) > self.done;
      },
    };
  }

  private findConstraint(table: string, name: string): Constraint | undefined {
    const t = inPublic(table);
    for (let i = this.constraints.length - 1; i >= 0; i--) {
      const c = this.constraints[i]!;
      if (c.table === t && c.name === name) return c;
    }
    return undefined;
  }

  private remember(name: string | null): void {
    if (!name) return;
    this.created.add(name);
    this.createdShort.add(last(name));
    if (name.startsWith('public.')) this.created.add(last(name));
  }

  /** A new transaction begins (BEGIN, or the runner's/driver's next one): note the session settings a ROLLBACK returns to. */
  private beginTx(): void {
    this.tx++;
    this.saved = { lock: this.sessionLock, stmt: this.sessionStmt };
  }

  /** Apply the effect of `op` (call after the rules have seen it). */
  after(op: Operation): void {
    this.done++;
    // A function body runs when the function is called, not while the migration runs: its SET
    // lock_timeout or CREATE TABLE changes nothing for the statements that follow it here.
    if (op.embedded === 'function') return;
    const wasInTx = this.ctx.inTransaction;
    switch (op.kind) {
      case 'create_table':
        this.remember(op.table);
        break;
      case 'create_index':
        this.remember(op.name);
        break;
      case 'create_object':
        if (op.objectType === 'matview' || op.objectType === 'view' || op.objectType === 'type') this.remember(op.name);
        break;
      case 'create_domain':
        this.remember(op.name);
        break;
      case 'rename_table':
        if (this.ctx.isNew(op.table)) {
          const schema = op.table.includes('.') ? op.table.slice(0, op.table.lastIndexOf('.') + 1) : '';
          this.remember(schema + op.newName);
        }
        break;
      case 'add_constraint': {
        const notNull = op.constraint === 'check' ? op.notNullColumns ?? [] : op.constraint === 'not_null' ? op.columns : [];
        this.constraints.push({
          table: inPublic(op.table), name: op.name, constraint: op.constraint, notValid: op.notValid, validated: !op.notValid,
          tx: wasInTx ? this.tx : -1, notNull, stmt: op.stmt,
        });
        break;
      }
      case 'validate_constraint': {
        const c = this.findConstraint(op.table, op.name);
        if (c) c.validated = true;
        break;
      }
      case 'drop_constraint': {
        const c = this.findConstraint(op.table, op.name);
        if (c) this.constraints.splice(this.constraints.indexOf(c), 1);
        break;
      }
      case 'set_config': {
        // RESET ALL / DISCARD ALL: every setting back to its default, SET LOCAL ones included
        if (op.name === 'all') {
          this.sessionLock = this.localLock = this.sessionStmt = this.localStmt = false;
          break;
        }
        const on = op.value !== null && !/^\s*0+\s*(ms|s|min)?\s*$/i.test(op.value) && op.value.trim() !== '';
        if (op.name === 'lock_timeout') {
          if (op.local) this.localLock = on;
          else this.sessionLock = on;
        } else if (op.name === 'statement_timeout') {
          if (op.local) this.localStmt = on;
          else this.sessionStmt = on;
        }
        break;
      }
      case 'transaction':
        if (op.action === 'begin') {
          // BEGIN inside an open transaction changes nothing (PostgreSQL only warns)
          if (!wasInTx) this.beginTx();
          this.explicitTx = true;
        } else if (op.action === 'commit' || op.action === 'rollback') {
          this.ctx.transactionEndedBy = op.stmt;
          if (wasInTx && op.action === 'rollback') {
            // a ROLLBACK undoes plain SETs made in the transaction too
            this.sessionLock = this.saved.lock;
            this.sessionStmt = this.saved.stmt;
          }
          this.explicitTx = false;
          this.localLock = false;
          this.localStmt = false;
          // under a runner, the driver opens the next transaction with the next statement
          if (wasInTx) this.beginTx();
        } else if (op.action === 'autocommit_start') {
          // autocommit_block() commits the open transaction first: SET LOCAL values end with it
          this.autocommit = true;
          this.localLock = false;
          this.localStmt = false;
        } else if (op.action === 'autocommit_end') {
          // … and begins a new one after the block
          this.autocommit = false;
          this.beginTx();
        }
        break;
    }
    const inTx = this.explicitTx || (this.m.transactional && !this.autocommit);
    this.ctx.inTransaction = inTx;
    this.ctx.runnerTransaction = this.m.transactional && !this.autocommit;
    this.ctx.lockTimeout = this.sessionLock || (inTx && this.localLock);
    this.ctx.statementTimeout = this.sessionStmt || (inTx && this.localStmt);
  }
}
