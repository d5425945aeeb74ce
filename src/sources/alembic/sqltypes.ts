/**
 * SQLAlchemy types and server defaults → the SQL PostgreSQL sees, normalised by the SQL front
 * end itself (libpg-query), so `sa.String(50)` and `varchar(50)` become the same TypeSpec and a
 * `sa.text("gen_random_uuid()")` default gets the same volatility as in a .sql file.
 */
import type { DefaultSpec, TypeSpec } from '../../model/operation.js';
import { parseSql, SqlSyntaxError } from '../sql/parser.js';
import { columnSpec, provenNotNull, typeSpec } from '../sql/convert.js';
import { arg, isTrue, lastSegment, type PyValue } from './values.js';

/** How SQLAlchemy's PostgreSQL dialect spells a type, keyed by the type's class name. */
const SIMPLE: Record<string, string> = {
  Integer: 'INTEGER', INTEGER: 'INTEGER', INT: 'INTEGER',
  BigInteger: 'BIGINT', BIGINT: 'BIGINT',
  SmallInteger: 'SMALLINT', SMALLINT: 'SMALLINT',
  Text: 'TEXT', TEXT: 'TEXT', UnicodeText: 'TEXT', CLOB: 'TEXT',
  Boolean: 'BOOLEAN', BOOLEAN: 'BOOLEAN',
  Date: 'DATE', DATE: 'DATE',
  Interval: 'INTERVAL', INTERVAL: 'INTERVAL',
  REAL: 'REAL', DOUBLE_PRECISION: 'DOUBLE PRECISION', DOUBLE: 'DOUBLE PRECISION', Double: 'DOUBLE PRECISION',
  LargeBinary: 'BYTEA', BYTEA: 'BYTEA', BLOB: 'BYTEA', BINARY: 'BYTEA', VARBINARY: 'BYTEA', PickleType: 'BYTEA',
  JSON: 'JSON', JSONB: 'JSONB', UUID: 'UUID', Uuid: 'UUID',
  INET: 'INET', CIDR: 'CIDR', MACADDR: 'MACADDR', MACADDR8: 'MACADDR8', MONEY: 'MONEY', OID: 'OID', REGCLASS: 'REGCLASS',
  TSVECTOR: 'TSVECTOR', TSQUERY: 'TSQUERY', HSTORE: 'HSTORE', CITEXT: 'CITEXT', XML: 'XML',
  INT4RANGE: 'INT4RANGE', INT8RANGE: 'INT8RANGE', NUMRANGE: 'NUMRANGE', DATERANGE: 'DATERANGE', TSRANGE: 'TSRANGE',
  TSTZRANGE: 'TSTZRANGE', INT4MULTIRANGE: 'INT4MULTIRANGE', INT8MULTIRANGE: 'INT8MULTIRANGE',
};
const VARCHAR = new Set(['String', 'VARCHAR', 'Unicode', 'NVARCHAR', 'AutoString']);
const CHAR = new Set(['CHAR', 'NCHAR']);
const TIMESTAMP = new Set(['DateTime', 'DATETIME', 'TIMESTAMP']);
const TIME = new Set(['Time', 'TIME']);
const NUMERIC = new Set(['Numeric', 'NUMERIC', 'DECIMAL']);
const FLOAT = new Set(['Float', 'FLOAT']);

/** The SQL for a SQLAlchemy type expression (`sa.String(50)`, `sa.Integer`, `postgresql.ARRAY(sa.Text())`), or null. */
export function sqlTypeText(v: PyValue | undefined, depth = 0): string | null {
  if (!v || depth > 8) return null;
  let name: string;
  let call: Extract<PyValue, { t: 'call' }> | null = null;
  if (v.t === 'ref') name = lastSegment(v.path);
  else if (v.t === 'call') {
    // sa.String(50).with_variant(…) and similar: the base type decides.
    if (v.receiver && (v.name === 'with_variant' || v.name === 'evaluates_none')) return sqlTypeText(v.receiver, depth + 1);
    name = lastSegment(v.callee);
    call = v;
  } else return null;
  const num = (i: number, ...k: string[]) => {
    const a = call ? arg(call, i, ...k) : undefined;
    return a?.t === 'num' ? a.value : null;
  };
  if (SIMPLE[name]) return SIMPLE[name]!;
  if (VARCHAR.has(name)) {
    const n = num(0, 'length');
    return n !== null ? `VARCHAR(${n})` : 'VARCHAR';
  }
  if (CHAR.has(name)) {
    const n = num(0, 'length');
    return n !== null ? `CHAR(${n})` : 'CHAR';
  }
  if (TIMESTAMP.has(name) || TIME.has(name)) {
    const tz = call ? isTrue(arg(call, 0, 'timezone')) : false;
    return `${TIME.has(name) ? 'TIME' : 'TIMESTAMP'} ${tz ? 'WITH' : 'WITHOUT'} TIME ZONE`;
  }
  if (NUMERIC.has(name)) {
    const p = num(0, 'precision');
    const s = num(1, 'scale');
    return p === null ? 'NUMERIC' : s === null ? `NUMERIC(${p})` : `NUMERIC(${p}, ${s})`;
  }
  // postgresql.BIT(length=None, varying=False): BIT(1) unless varying
  if (name === 'BIT') {
    const n = num(0, 'length');
    if (call && isTrue(arg(call, 1, 'varying'))) return n !== null ? `BIT VARYING(${n})` : 'BIT VARYING';
    return `BIT(${n ?? 1})`;
  }
  if (FLOAT.has(name)) {
    const p = num(0, 'precision');
    return p === null ? 'FLOAT' : `FLOAT(${p})`;
  }
  if (name === 'ARRAY' && call) {
    const item = sqlTypeText(arg(call, 0, 'item_type'), depth + 1);
    return item ? `${item}[]` : null;
  }
  if ((name === 'Enum' || name === 'ENUM') && call) {
    const n = call.kwargs.get('name');
    if (n?.t === 'str' && /^[A-Za-z_][\w$]*$/.test(n.s.value)) return n.s.value;
    return null;
  }
  return null;
}

/** String types whose second positional argument is the collation: `sa.String(50, "C")`, `sa.Text(None, "C")`. */
const COLLATION_SECOND = new Set([...VARCHAR, ...CHAR, 'Text', 'TEXT', 'UnicodeText', 'CLOB']);

/**
 * The collation a SQLAlchemy type expression names (`collation="C"`): null when none, undefined
 * when it cannot be known statically (not a literal, or **kwargs).
 */
function collationOf(v: PyValue | undefined, depth = 0): string | null | undefined {
  if (!v || v.t !== 'call' || depth > 8) return null;
  if (v.receiver && (v.name === 'with_variant' || v.name === 'evaluates_none')) return collationOf(v.receiver, depth + 1);
  if (v.star) return undefined;
  const c = v.kwargs.get('collation') ?? (COLLATION_SECOND.has(lastSegment(v.callee)) ? v.args[1] : undefined);
  if (!c || c.t === 'none') return null;
  return c.t === 'str' ? c.s.value : undefined;
}

/** Both type expressions name the same, statically known collation (or none). */
export function sameCollation(a: PyValue | undefined, b: PyValue | undefined): boolean {
  const ca = collationOf(a);
  const cb = collationOf(b);
  return ca !== undefined && cb !== undefined && ca === cb;
}

const typeCache = new Map<string, TypeSpec | null>();

/** TypeSpec of a SQL type text, exactly as the SQL front end would build it. */
export function typeFromSql(sqlType: string): TypeSpec | null {
  if (typeCache.has(sqlType)) return typeCache.get(sqlType)!;
  let spec: TypeSpec | null = null;
  try {
    const [stmt] = parseSql(`CREATE TABLE t (c ${sqlType})`);
    const cd = stmt?.stmt?.CreateStmt?.tableElts?.[0]?.ColumnDef;
    spec = cd ? typeSpec(cd.typeName) : null;
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
  }
  typeCache.set(sqlType, spec);
  return spec;
}

export function sqlType(v: PyValue | undefined): TypeSpec | null {
  const text = sqlTypeText(v);
  return text ? typeFromSql(text) : null;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The SQL of a server_default value, or null when it cannot be read statically. */
export function defaultSqlText(v: PyValue, depth = 0): string | null {
  if (depth > 8) return null;
  switch (v.t) {
    case 'str':
      return quote(v.s.value);
    case 'num':
      return String(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'none':
      return 'NULL';
    case 'call': {
      const name = lastSegment(v.callee);
      const callee = v.callee ?? '';
      if ((name === 'text' || name === 'literal_column') && v.args[0]?.t === 'str') return v.args[0].s.value;
      if (name === 'true' || name === 'false' || name === 'null') return name === 'null' ? 'NULL' : name;
      // sa.func.now(), func.gen_random_uuid(), sa.sql.func.lower(…)
      const fm = /(?:^|\.)func\.([\w.]+)$/.exec(callee);
      if (fm) {
        const args: string[] = [];
        for (const a of v.args) {
          const t = defaultSqlText(a, depth + 1);
          if (t === null) return null;
          args.push(t);
        }
        return `${fm[1]}(${args.join(', ')})`;
      }
      return null;
    }
    default:
      return null;
  }
}

const defaultCache = new Map<string, DefaultSpec | null>();

/** DefaultSpec (text + volatility) of a server_default, via the SQL front end. */
/**
 * Python functions that return a str: as a server_default, SQLAlchemy renders their result as a
 * string literal (`server_default=json.dumps({})` is DEFAULT '{}'), a constant.
 */
const PY_STR_CALLS = /^(?:json\.dumps|str|repr)$/;
const STR_METHODS = new Set(['format', 'join', 'lower', 'upper', 'strip', 'replace']);

export function serverDefault(v: PyValue, src: string): DefaultSpec {
  // (a string Python computes — f-string, %, .format, + — is a str too: a literal, whatever its value)
  if (v.t === 'dynamic' || (v.t === 'call' && ((v.callee && PY_STR_CALLS.test(v.callee)) || (v.receiver?.t === 'str' && STR_METHODS.has(v.name ?? ''))))) {
    return { text: src.slice(v.node.start, v.node.end), volatility: 'constant' };
  }
  const sql = defaultSqlText(v);
  if (sql === null) return { text: src.slice(v.node.start, v.node.end), volatility: 'unknown' };
  if (defaultCache.has(sql)) return defaultCache.get(sql) ?? { text: sql, volatility: 'unknown' };
  let spec: DefaultSpec | null = null;
  try {
    const [stmt] = parseSql(`ALTER TABLE t ADD COLUMN c int DEFAULT ${sql}`);
    const cd = stmt?.stmt?.AlterTableStmt?.cmds?.[0]?.AlterTableCmd?.def?.ColumnDef;
    spec = cd ? columnSpec(cd).default : null;
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
  }
  defaultCache.set(sql, spec);
  return spec ?? { text: sql, volatility: 'unknown' };
}

/** CHECK condition text → the columns it proves NOT NULL (revisions repeat the same conditions). */
const conditionCache = new Map<string, string[]>();

/**
 * The columns a CHECK condition written as SQL (`email IS NOT NULL AND …`) proves NOT NULL, read
 * by the SQL parser; none when the text is not one SQL condition.
 */
export function checkNotNullColumns(condition: string): string[] {
  let cols = conditionCache.get(condition);
  if (!cols) {
    let stmts: ReturnType<typeof parseSql> | null = null;
    try {
      stmts = parseSql(`SELECT 1 WHERE ${condition}`);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
    }
    cols = stmts?.length === 1 ? provenNotNull(stmts[0]!.stmt.SelectStmt?.whereClause) : [];
    if (conditionCache.size > 5000) conditionCache.clear();
    conditionCache.set(condition, cols);
  }
  return [...cols];
}
