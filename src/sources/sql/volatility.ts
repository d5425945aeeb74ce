import type { DefaultSpec, Volatility } from '../../model/operation.js';

// Functions whose result differs per row: a default calling one forces a table rewrite.
const VOLATILE = new Set([
  'random', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7',
  'uuid_generate_v7', 'clock_timestamp', 'timeofday', 'nextval', 'setseed', 'txid_current', 'pg_current_xact_id',
  'gen_random_bytes', 'random_normal', 'currval', 'lastval',
]);
// Stable: fixed for the statement, so PostgreSQL 11+ stores one value in the catalog.
const STABLE = new Set([
  'now', 'transaction_timestamp', 'statement_timestamp', 'current_timestamp', 'localtimestamp', 'current_date',
  'current_time', 'localtime', 'current_setting', 'current_user', 'session_user', 'current_schema', 'to_char',
  'to_timestamp', 'to_date', 'timezone', 'date_trunc', 'age',
]);
const IMMUTABLE = new Set([
  'lower', 'upper', 'coalesce', 'concat', 'concat_ws', 'jsonb_build_object', 'json_build_object', 'jsonb_build_array',
  'json_build_array', 'array', 'abs', 'round', 'trim', 'btrim', 'ltrim', 'rtrim', 'length', 'md5', 'make_interval',
  'make_date', 'array_fill', 'to_jsonb', 'to_json', 'substring', 'replace', 'nullif', 'greatest', 'least', 'int4',
  'int8', 'text', 'bool', 'date', 'interval', 'numeric', 'point', 'daterange', 'tstzrange', 'int4range', 'int8range',
]);

const rank: Record<Volatility, number> = { constant: 0, stable: 1, unknown: 2, volatile: 3 };
const worst = (a: Volatility, b: Volatility): Volatility => (rank[a] >= rank[b] ? a : b);

export function funcName(names: any[] | undefined): string {
  const parts = (names ?? []).map((n: any) => n?.String?.sval ?? '');
  return parts.join('.');
}

/** Classify a raw expression node from libpg-query. */
export function classifyExpr(node: any): Volatility {
  if (node == null || typeof node !== 'object') return 'constant';
  if (Array.isArray(node)) return node.reduce((v: Volatility, x: any) => worst(v, classifyExpr(x)), 'constant');
  const [type] = Object.keys(node);
  const v = node[type!];
  switch (type) {
    case 'A_Const':
      return 'constant';
    case 'TypeCast':
      return classifyExpr(v.arg);
    case 'SQLValueFunction':
      return 'stable';
    case 'FuncCall': {
      const full = funcName(v.funcname).toLowerCase();
      const name = full.split('.').pop()!;
      const args = classifyExpr(v.args ?? []);
      if (VOLATILE.has(name)) return 'volatile';
      if (STABLE.has(name)) return worst('stable', args);
      if (IMMUTABLE.has(name)) return args;
      return worst('unknown', args);
    }
    case 'ColumnRef':
    case 'SubLink':
    case 'ParamRef':
      return 'unknown';
    case 'A_Expr':
      return worst(classifyExpr(v.lexpr), classifyExpr(v.rexpr));
    case 'BoolExpr':
    case 'CoalesceExpr':
    case 'MinMaxExpr':
      return classifyExpr(v.args);
    case 'A_ArrayExpr':
      return classifyExpr(v.elements ?? []);
    case 'NullTest':
    case 'BooleanTest':
      return classifyExpr(v.arg);
    case 'CaseExpr':
      return worst(classifyExpr(v.args), worst(classifyExpr(v.defresult), classifyExpr(v.arg)));
    case 'CaseWhen':
      return worst(classifyExpr(v.expr), classifyExpr(v.result));
    case 'RowExpr':
      return classifyExpr(v.args ?? []);
    case 'CollateClause':
      return classifyExpr(v.arg);
    default:
      return 'unknown';
  }
}

/** Best-effort text of an expression for messages. */
export function exprText(node: any): string {
  if (node == null || typeof node !== 'object') return '';
  const [type] = Object.keys(node);
  const v = node[type!];
  switch (type) {
    case 'A_Const':
      if (v.isnull) return 'NULL';
      if (v.sval) return `'${v.sval.sval ?? ''}'`;
      if (v.ival) return String(v.ival.ival ?? 0);
      if (v.fval) return String(v.fval.fval);
      if (v.boolval) return v.boolval.boolval ? 'true' : 'false';
      return '?';
    case 'TypeCast':
      return `${exprText(v.arg)}::${funcName(v.typeName?.names).replace(/^pg_catalog\./, '')}`;
    case 'SQLValueFunction':
      return String(v.op ?? '').replace(/^SVFOP_/, '');
    case 'FuncCall':
      return `${funcName(v.funcname)}(${(v.args ?? []).map(exprText).join(', ')})`;
    case 'ColumnRef':
      return (v.fields ?? []).map((f: any) => f?.String?.sval ?? '*').join('.');
    case 'A_Expr':
      return `${exprText(v.lexpr)} ${funcName(v.name)} ${exprText(v.rexpr)}`.trim();
    default:
      return '…';
  }
}

export function defaultSpec(node: any): DefaultSpec {
  return { text: exprText(node), volatility: classifyExpr(node) };
}
