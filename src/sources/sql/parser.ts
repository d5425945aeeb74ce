/** The one place that loads libpg-query (WASM). Call loadSqlParser() once before parsing. */
import * as pg from 'libpg-query';

let loaded: Promise<void> | null = null;
let ready = false;

export function loadSqlParser(): Promise<void> {
  if (!loaded) loaded = pg.loadModule().then(() => {
    ready = true;
  });
  return loaded;
}

function ensure(): void {
  if (!ready) throw new Error('SQL parser not loaded: await loadSqlParser() first');
}

export interface RawStmt {
  stmt: Record<string, any>;
  stmt_location?: number;
  stmt_len?: number;
}

export class SqlSyntaxError extends Error {
  /** 0-based UTF-16 index into the parsed string, or -1. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

export function parseSql(sql: string): RawStmt[] {
  ensure();
  try {
    return (pg.parseSync(sql) as any).stmts ?? [];
  } catch (e: any) {
    const pos = typeof e?.sqlDetails?.cursorPosition === 'number' ? e.sqlDetails.cursorPosition : -1;
    throw new SqlSyntaxError(String(e?.sqlDetails?.message ?? e?.message ?? e), pos);
  }
}

export interface PlStatement {
  /** The SQL text of an embedded statement, exactly as written in the body. */
  query: string;
  /** 1-based line inside the body. */
  lineno: number;
  /** EXECUTE of a string computed at run time (`query` is then the expression): it cannot be read. */
  dynamic?: boolean;
}

/** Embedded SQL statements of a PL/pgSQL body (DO block or function), in order. */
export function plpgsqlStatements(doOrFunctionSql: string): PlStatement[] {
  ensure();
  const out: PlStatement[] = [];
  let res: any;
  try {
    res = pg.parsePlPgSQLSync(doOrFunctionSql);
  } catch (e: any) {
    // PL/pgSQL errors carry no position; find the token the message names ("at or near "X"").
    const message = String(e?.sqlDetails?.message ?? e?.message ?? e);
    const near = /at or near "((?:[^"]|"")*)"/.exec(message)?.[1];
    const body = doOrFunctionSql.indexOf('$');
    const pos = near ? doOrFunctionSql.indexOf(near, body < 0 ? 0 : body) : -1;
    throw new SqlSyntaxError(message, pos);
  }
  const walk = (node: any, lineno: number): void => {
    if (Array.isArray(node)) {
      for (const x of node) walk(x, lineno);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const ln = typeof node.lineno === 'number' ? node.lineno : lineno;
    if (node.PLpgSQL_stmt_execsql) {
      const q = node.PLpgSQL_stmt_execsql.sqlstmt?.PLpgSQL_expr?.query;
      if (typeof q === 'string') out.push({ query: q, lineno: node.PLpgSQL_stmt_execsql.lineno ?? ln });
    }
    if (node.PLpgSQL_stmt_dynexecute) {
      // EXECUTE 'literal' — only a plain string literal is analysable
      const q = node.PLpgSQL_stmt_dynexecute.query?.PLpgSQL_expr?.query;
      const m = typeof q === 'string' ? /^\s*'((?:[^']|'')*)'\s*$/.exec(q) : null;
      if (m) out.push({ query: m[1]!.replace(/''/g, "'"), lineno: node.PLpgSQL_stmt_dynexecute.lineno ?? ln });
      else if (typeof q === 'string') out.push({ query: q, lineno: node.PLpgSQL_stmt_dynexecute.lineno ?? ln, dynamic: true });
    }
    for (const k of Object.keys(node)) {
      if (k === 'PLpgSQL_stmt_execsql') continue;
      walk(node[k], ln);
    }
  };
  walk(res?.plpgsql_funcs ?? [], 1);
  return out;
}
