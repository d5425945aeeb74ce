import type { MigrationContext } from '../model/context.js';
import type { Migration } from '../model/migration.js';
import type { Operation } from '../model/operation.js';

const norm = (n: string) => n.toLowerCase();
const last = (n: string) => norm(n).split('.').pop()!;

/** Builds the MigrationContext as the engine walks a migration's operations in order. */
export class ContextTracker {
  readonly ctx: MigrationContext;
  private created = new Set<string>();
  private createdShort = new Set<string>();
  private sessionLock = false;
  private localLock = false;
  private sessionStmt = false;
  private localStmt = false;
  private explicitTx = false;
  private autocommit = false;

  constructor(private readonly m: Migration, pgVersion: number) {
    const self = this;
    this.ctx = {
      file: m.file,
      direction: m.direction,
      pgVersion,
      inTransaction: m.transactional,
      runnerTransaction: m.transactional,
      lockTimeout: false,
      statementTimeout: false,
      isNew(name: string) {
        const n = norm(name);
        if (self.created.has(n) || self.created.has(`public.${n}`)) return true;
        if (!n.includes('.')) return self.createdShort.has(n);
        return n.startsWith('public.') && self.created.has(last(n));
      },
    };
  }

  private remember(name: string | null): void {
    if (!name) return;
    this.created.add(norm(name));
    this.createdShort.add(last(name));
    if (norm(name).startsWith('public.')) this.created.add(last(name));
  }

  /** Apply the effect of `op` (call after the rules have seen it). */
  after(op: Operation): void {
    // A function body runs when the function is called, not while the migration runs: its SET
    // lock_timeout or CREATE TABLE changes nothing for the statements that follow it here.
    if (op.embedded === 'function') return;
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
      case 'set_config': {
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
        if (op.action === 'begin') this.explicitTx = true;
        else if (op.action === 'commit' || op.action === 'rollback') {
          this.explicitTx = false;
          this.localLock = false;
          this.localStmt = false;
        } else if (op.action === 'autocommit_start') {
          // autocommit_block() commits the open transaction first: SET LOCAL values end with it
          this.autocommit = true;
          this.localLock = false;
          this.localStmt = false;
        }
        else if (op.action === 'autocommit_end') this.autocommit = false;
        break;
    }
    const inTx = this.explicitTx || (this.m.transactional && !this.autocommit);
    this.ctx.inTransaction = inTx;
    this.ctx.runnerTransaction = this.m.transactional && !this.autocommit;
    this.ctx.lockTimeout = this.sessionLock || (inTx && this.localLock);
    this.ctx.statementTimeout = this.sessionStmt || (inTx && this.localStmt);
  }
}
