/**
 * The order in which migrations apply, and which history each belongs to — what the
 * cross-release rules walk. File names are not the order: Alembic revision files are named by
 * random ids and chained by down_revision, and SQL versions compare as numbers (2_x before 10_x).
 */
import { compareText } from '../util/compare.js';
import { compareVersions, historyDirOf, versionOf } from './versions.js';

export interface OrderItem {
  abs: string;
  /** Display path. */
  file: string;
  language: 'sql' | 'python';
}

export interface RevisionOf {
  revision: string | null;
  downRevisions: string[];
}

/**
 * Sort `items` into apply order and give each a history key (migrations in different histories
 * — two SQL directories, two Alembic projects — never constrain each other).
 * `alembicGroups`: the files of each Alembic project or versions directory; `revisions`: each
 * parsed revision file's header. Items of one file stay together, in their given order.
 */
export function applyOrder<T extends OrderItem>(
  items: readonly T[],
  alembicGroups: readonly { files: readonly string[] }[],
  revisions: ReadonlyMap<string, RevisionOf>,
): { item: T; history: string }[] {
  const history = new Map<string, string>();
  const rank = new Map<string, number>();
  alembicGroups.forEach((g, gi) => {
    const order = topological(g.files.filter((f) => revisions.has(f)).map((f) => ({ abs: f, ...revisions.get(f)! })));
    order.forEach((abs, i) => {
      history.set(abs, `alembic:${gi}`);
      rank.set(abs, i);
    });
  });
  const keyOf = (it: T) => history.get(it.abs) ?? `${it.language}:${historyDirOf(it.file)}`;
  const compare = (a: T, b: T): number => {
    const ha = keyOf(a);
    const hb = keyOf(b);
    if (ha !== hb) return compareText(ha, hb);
    const ra = rank.get(a.abs);
    const rb = rank.get(b.abs);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined || rb !== undefined) return ra !== undefined ? -1 : 1;
    const va = versionOf(a.file);
    const vb = versionOf(b.file);
    if (va && vb) return compareVersions(va, vb) || compareText(a.file, b.file);
    if (va || vb) return va ? -1 : 1;
    return compareText(a.file, b.file);
  };
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => compare(x.item, y.item) || x.i - y.i)
    .map(({ item }) => ({ item, history: keyOf(item) }));
}

/**
 * Revisions base first (Kahn's algorithm; ties by file name, so the order is stable). Revisions
 * in a cycle or below an unknown down_revision come last, by file name.
 */
function topological(nodes: { abs: string; revision: string | null; downRevisions: string[] }[]): string[] {
  const byRev = new Map<string, string>();
  for (const n of nodes) if (n.revision && !byRev.has(n.revision)) byRev.set(n.revision, n.abs);
  const pending = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    const downs = n.downRevisions.map((d) => byRev.get(d)).filter((d): d is string => d !== undefined && d !== n.abs);
    pending.set(n.abs, downs.length);
    for (const d of downs) children.set(d, [...(children.get(d) ?? []), n.abs]);
  }
  const ready = nodes.filter((n) => pending.get(n.abs) === 0).map((n) => n.abs).sort(compareText);
  const out: string[] = [];
  const done = new Set<string>();
  while (ready.length) {
    const abs = ready.shift()!;
    out.push(abs);
    done.add(abs);
    const next: string[] = [];
    for (const c of children.get(abs) ?? []) {
      const left = pending.get(c)! - 1;
      pending.set(c, left);
      if (left === 0) next.push(c);
    }
    ready.push(...next);
    ready.sort(compareText);
  }
  out.push(...nodes.map((n) => n.abs).filter((a) => !done.has(a)).sort(compareText));
  return out;
}
