/** The revision header of an Alembic file: revision, down_revision, branch_labels, depends_on, docstring. */
import { field, namedChildren, type PyNode } from './parser.js';
import { decodeStringNode } from './pystring.js';
import type { Span } from '../../model/operation.js';

export interface RevisionInfo {
  /** The `revision = "…"` value, or null when absent or not a string. */
  revision: string | null;
  /** down_revision: none (base), one string, or a tuple (merge). */
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  /** First paragraph of the module docstring (what `alembic history` prints). */
  message: string;
  /** Source spans (UTF-16 indices) of the assignments, for findings. */
  spans: { revision: Span | null; downRevision: Span | null; dependsOn: Span | null };
  /** A header value that is not a literal (computed) — the graph cannot be trusted for this file. */
  problems: string[];
}

const HEADER = new Set(['revision', 'down_revision', 'branch_labels', 'depends_on']);

export function readRevision(src: string, root: PyNode): RevisionInfo {
  const info: RevisionInfo = {
    revision: null, downRevisions: [], branchLabels: [], dependsOn: [], message: '',
    spans: { revision: null, downRevision: null, dependsOn: null }, problems: [],
  };
  const first = namedChildren(root)[0];
  if (first?.type === 'expression_statement') {
    const e = namedChildren(first)[0];
    if (e && (e.type === 'string' || e.type === 'concatenated_string')) {
      const d = decodeStringNode(src, e);
      if (d.ok) info.message = d.s.value.trim().split(/\n\s*\n/)[0]!.trim();
    }
  }
  for (const st of root.children) {
    if (st.type !== 'expression_statement') continue;
    const a = namedChildren(st)[0];
    if (a?.type !== 'assignment') continue;
    const left = field(a, 'left');
    const right = field(a, 'right');
    if (left?.type !== 'identifier' || !right) continue;
    const name = src.slice(left.start, left.end);
    if (!HEADER.has(name)) continue;
    const span = { start: st.start, end: st.end };
    const values = strings(src, right);
    if (values === null) {
      info.problems.push(`${name} is not a literal string, tuple of strings or None`);
      continue;
    }
    switch (name) {
      case 'revision':
        info.revision = values[0] ?? null;
        info.spans.revision = span;
        break;
      case 'down_revision':
        info.downRevisions = values;
        info.spans.downRevision = span;
        break;
      case 'branch_labels':
        info.branchLabels = values;
        break;
      case 'depends_on':
        info.dependsOn = values;
        info.spans.dependsOn = span;
        break;
    }
  }
  return info;
}

/** None → [], "a" → ["a"], ("a", "b") / ["a", "b"] → both. Null when not literal. */
function strings(src: string, n: PyNode): string[] | null {
  if (n.type === 'none') return [];
  if (n.type === 'string' || n.type === 'concatenated_string') {
    const d = decodeStringNode(src, n);
    return d.ok ? [d.s.value] : null;
  }
  if (n.type === 'tuple' || n.type === 'list' || n.type === 'parenthesized_expression' || n.type === 'set') {
    const out: string[] = [];
    for (const c of namedChildren(n)) {
      const v = strings(src, c);
      if (v === null) return null;
      out.push(...v);
    }
    return out;
  }
  return null;
}

/** Cheap test used by discovery: does this text look like an Alembic revision file? */
export function looksLikeRevision(text: string): boolean {
  return /^revision\s*(?::[^=\n]*)?=/m.test(text) && /^(?:async\s+)?def\s+upgrade\s*\(/m.test(text);
}
