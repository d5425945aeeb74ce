/**
 * The revision graph of an Alembic project (or of one versions directory): heads, bases,
 * branch and merge points, and what is wrong with it — several heads, a down_revision that
 * names no revision, a revision id used twice, a cycle. Pure: it works on RevisionInfo only.
 */
import type { Span } from '../../model/operation.js';
import type { RevisionInfo } from './revision.js';

export interface GraphInput {
  /** Display path of the revision file. */
  file: string;
  info: RevisionInfo;
  /** Byte spans of the header assignments (revision, down_revision, depends_on), or null. */
  spans: { revision: Span | null; downRevision: Span | null; dependsOn: Span | null };
}

export interface RevisionNode {
  revision: string;
  downRevisions: string[];
  dependsOn: string[];
  branchLabels: string[];
  message: string;
  file: string;
  /** No revision names it as down_revision. */
  head: boolean;
  /** Not even a depends_on points at it (Alembic's "real" head). */
  realHead: boolean;
  branchpoint: boolean;
  mergepoint: boolean;
}

export type GraphRule = 'multiple-heads' | 'unknown-down-revision' | 'duplicate-revision' | 'revision-cycle';

export interface GraphProblem {
  rule: GraphRule;
  messageId: string;
  data: Record<string, string>;
  file: string;
  span: Span;
}

export interface RevisionGraph {
  /** Base first, heads last (topological; ties by file name). Revisions in a cycle come last. */
  nodes: RevisionNode[];
  heads: string[];
  bases: string[];
  problems: GraphProblem[];
}

const ZERO: Span = { start: 0, end: 0 };
const list = (xs: string[]) => xs.join(', ');

export function buildGraph(inputs: readonly GraphInput[]): RevisionGraph {
  const problems: GraphProblem[] = [];
  const sorted = [...inputs].filter((i) => i.info.revision).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // duplicate-revision: keep the first file (by path) in the graph, report every copy.
  const byId = new Map<string, GraphInput[]>();
  for (const i of sorted) {
    const id = i.info.revision!;
    byId.set(id, [...(byId.get(id) ?? []), i]);
  }
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const f of files) {
      const others = files.filter((o) => o !== f).map((o) => o.file);
      problems.push({ rule: 'duplicate-revision', messageId: 'duplicate', data: { revision: id, others: list(others) }, file: f.file, span: f.spans.revision ?? ZERO });
    }
  }
  const unique = [...byId.values()].map((fs) => fs[0]!);
  const ids = new Set(unique.map((i) => i.info.revision!));
  const labels = new Map<string, string>();
  for (const i of unique) for (const l of i.info.branchLabels) if (!labels.has(l)) labels.set(l, i.info.revision!);
  const resolve = (ref: string): string | null => (ids.has(ref) ? ref : labels.get(ref) ?? null);

  // unknown-down-revision
  for (const i of unique) {
    for (const d of i.info.downRevisions) {
      if (!resolve(d)) {
        problems.push({ rule: 'unknown-down-revision', messageId: 'down', data: { revision: i.info.revision!, down: d }, file: i.file, span: i.spans.downRevision ?? i.spans.revision ?? ZERO });
      }
    }
    for (const d of i.info.dependsOn) {
      if (!resolve(d)) {
        problems.push({ rule: 'unknown-down-revision', messageId: 'depends', data: { revision: i.info.revision!, down: d }, file: i.file, span: i.spans.dependsOn ?? i.spans.revision ?? ZERO });
      }
    }
  }

  // Edges (resolved only): rev → its down revisions.
  const down = new Map<string, string[]>();
  const deps = new Map<string, string[]>();
  const next = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  for (const i of unique) {
    const id = i.info.revision!;
    const ds = i.info.downRevisions.map(resolve).filter((x): x is string => x !== null);
    const dp = i.info.dependsOn.map(resolve).filter((x): x is string => x !== null);
    down.set(id, ds);
    deps.set(id, dp);
    for (const d of ds) next.set(d, [...(next.get(d) ?? []), id]);
    for (const d of dp) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  }

  // revision-cycle: strongly connected components over down_revision and depends_on edges.
  const cycles = sccs([...ids], (id) => [...(down.get(id) ?? []), ...(deps.get(id) ?? [])]).filter(
    (c) => c.length > 1 || (down.get(c[0]!) ?? []).includes(c[0]!) || (deps.get(c[0]!) ?? []).includes(c[0]!),
  );
  const inCycle = new Set(cycles.flat());
  const fileOf = new Map(unique.map((i) => [i.info.revision!, i] as const));
  for (const c of cycles) {
    const members = c.map((id) => fileOf.get(id)!).sort((a, b) => (a.file < b.file ? -1 : 1));
    const first = members[0]!;
    problems.push({
      rule: 'revision-cycle', messageId: 'cycle',
      data: { revisions: cyclePath(first.info.revision!, (id) => [...(down.get(id) ?? []), ...(deps.get(id) ?? [])], new Set(c)).join(' → '), files: list(members.map((m) => m.file)) },
      file: first.file, span: first.spans.downRevision ?? first.spans.revision ?? ZERO,
    });
  }

  const nodes: RevisionNode[] = unique.map((i) => {
    const id = i.info.revision!;
    return {
      revision: id, downRevisions: i.info.downRevisions, dependsOn: i.info.dependsOn, branchLabels: i.info.branchLabels,
      message: i.info.message, file: i.file,
      head: !(next.get(id)?.length), realHead: !(next.get(id)?.length) && !(dependents.get(id)?.length),
      branchpoint: (next.get(id)?.length ?? 0) > 1, mergepoint: i.info.downRevisions.length > 1,
    };
  });
  const heads = nodes.filter((n) => n.head).map((n) => n.revision);
  const bases = nodes.filter((n) => n.downRevisions.length === 0).map((n) => n.revision);

  // multiple-heads
  if (heads.length > 1) {
    const ancestors = new Map(heads.map((h) => [h, closure(h, (id) => down.get(id) ?? [])] as const));
    const groups: string[][] = [];
    for (const h of heads) {
      const a = ancestors.get(h)!;
      const joined = groups.filter((g) => g.some((o) => intersects(a, ancestors.get(o)!)));
      const merged = [h, ...joined.flat()];
      for (const g of joined) groups.splice(groups.indexOf(g), 1);
      groups.push(merged);
    }
    const labelled = (g: string[]) => g.some((h) => [...ancestors.get(h)!].some((id) => (fileOf.get(id)?.info.branchLabels.length ?? 0) > 0));
    for (const g of groups) {
      // Heads that share history must be merged; an independent lineage is fine only when branch-labelled.
      const messageId = g.length > 1 ? 'heads' : groups.length > 1 && !labelled(g) ? 'unlabelled' : null;
      if (!messageId) continue;
      const named = [...(messageId === 'heads' ? g : heads)].sort();
      for (const h of [...g].sort((a, b) => (fileOf.get(a)!.file < fileOf.get(b)!.file ? -1 : 1))) {
        const f = fileOf.get(h)!;
        problems.push({
          rule: 'multiple-heads', messageId,
          data: { head: h, heads: list(named), count: String(named.length), merge: `alembic merge -m "merge heads" ${named.join(' ')}` },
          file: f.file, span: f.spans.revision ?? ZERO,
        });
      }
    }
  }

  return { nodes: topo(nodes, down, inCycle), heads, bases, problems };
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function closure(start: string, edges: (id: string) => string[]): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length) for (const n of edges(stack.pop()!)) if (!seen.has(n)) {
    seen.add(n);
    stack.push(n);
  }
  return seen;
}

/** Tarjan's algorithm, iterative. */
function sccs(ids: string[], edges: (id: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const known = new Set(ids);
  for (const root of ids) {
    if (idx.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    idx.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const es = edges(top.id).filter((e) => known.has(e));
      if (top.i < es.length) {
        const w = es[top.i++]!;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.id, Math.min(low.get(top.id)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) === idx.get(top.id)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.id);
        out.push(comp);
      }
    }
  }
  return out;
}

/** One loop through `start` inside the component, for the message: a → b → c → a. */
function cyclePath(start: string, edges: (id: string) => string[], comp: Set<string>): string[] {
  const path = [start];
  const seen = new Set([start]);
  let cur = start;
  for (let i = 0; i <= comp.size; i++) {
    const nxt = edges(cur).filter((e) => comp.has(e));
    const back = nxt.find((e) => e === start);
    if (back) return [...path, start];
    const step = nxt.find((e) => !seen.has(e));
    if (!step) break;
    path.push(step);
    seen.add(step);
    cur = step;
  }
  return [...path, start];
}

/** Bases first; a revision after all its down revisions; ties by file name. */
function topo(nodes: RevisionNode[], down: Map<string, string[]>, inCycle: Set<string>): RevisionNode[] {
  const byId = new Map(nodes.map((n) => [n.revision, n] as const));
  const pending = new Map(nodes.map((n) => [n.revision, (down.get(n.revision) ?? []).filter((d) => byId.has(d)).length] as const));
  const children = new Map<string, string[]>();
  for (const n of nodes) for (const d of down.get(n.revision) ?? []) children.set(d, [...(children.get(d) ?? []), n.revision]);
  const byFile = (a: RevisionNode, b: RevisionNode) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const ready = nodes.filter((n) => pending.get(n.revision) === 0).sort(byFile);
  const out: RevisionNode[] = [];
  while (ready.length) {
    const n = ready.shift()!;
    out.push(n);
    for (const c of children.get(n.revision) ?? []) {
      const left = pending.get(c)! - 1;
      pending.set(c, left);
      if (left === 0) {
        ready.push(byId.get(c)!);
        ready.sort(byFile);
      }
    }
  }
  const placed = new Set(out.map((n) => n.revision));
  out.push(...nodes.filter((n) => !placed.has(n.revision)).sort(byFile));
  void inCycle;
  return out;
}

/** One line per revision, in `alembic history` format: `<down> -> <rev> (labels) (head) (branchpoint), message`. */
export function historyLine(n: RevisionNode): string {
  const downs = n.downRevisions.length ? n.downRevisions.join(', ') : '<base>';
  let text = n.dependsOn.length ? `${downs} (${n.dependsOn.join(', ')}) -> ${n.revision}` : `${downs} -> ${n.revision}`;
  if (n.branchLabels.length) text += ` (${n.branchLabels.join(', ')})`;
  if (n.realHead) text += ' (head)';
  else if (n.head) text += ' (effective head)';
  if (n.branchpoint) text += ' (branchpoint)';
  if (n.mergepoint) text += ' (mergepoint)';
  return `${text}, ${n.message}`;
}
