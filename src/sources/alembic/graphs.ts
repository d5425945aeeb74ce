/**
 * Revision graphs of discovered projects, for `migsafe lint` (graph rules as findings) and
 * `migsafe graph` (the history). Only the revision header of each file is needed here.
 */
import { relative } from 'node:path';
import type { Finding } from '../../engine/finding.js';
import type { ActiveRule } from '../../engine/lint-migration.js';
import { releaseFinding } from '../../release/make-finding.js';
import { readText, toPosix, type FileProblem } from '../files.js';
import { SourceText } from '../source-text.js';
import { buildGraph, type GraphInput, type RevisionGraph } from './graph.js';
import { loadPythonParser, parsePython } from './parser.js';
import { discoverAlembic, type AlembicGroup } from './project.js';
import { readRevision, type RevisionInfo } from './revision.js';

/** A graph input from a file's revision header (spans converted to bytes). */
export function graphInput(file: string, source: SourceText, info: RevisionInfo): GraphInput {
  const b = (s: { start: number; end: number } | null) => (s ? { start: source.byteAt(s.start), end: source.byteAt(s.end) } : null);
  return { file, info, spans: { revision: b(info.spans.revision), downRevision: b(info.spans.downRevision), dependsOn: b(info.spans.dependsOn) } };
}

/** Findings of the graph rules; each is attached to the upgrade direction of the file it names. */
export function graphFindings(graph: RevisionGraph, active: Map<string, ActiveRule>): Finding[] {
  const out: Finding[] = [];
  for (const p of graph.problems) {
    const f = releaseFinding(active, p.rule, p.messageId, p.data, { file: p.file, direction: 'upgrade', language: 'python' }, p.span);
    if (f) out.push(f);
  }
  return out;
}

/** The graph input of a revision file that is not otherwise loaded (only its header is parsed). Null when unreadable. */
export function readGraphInput(abs: string, display: string): GraphInput | null {
  const read = readText(abs);
  return read.ok ? graphInputFromText(read.text, display) : null;
}

/** The graph input of a revision file's text (e.g. read from a git ref). */
export function graphInputFromText(text: string, display: string): GraphInput {
  const { root } = parsePython(text);
  return graphInput(display, new SourceText(text), readRevision(text, root));
}

export interface ProjectGraph {
  /** Display path of the project's alembic.ini or versions directory. */
  root: string;
  graph: RevisionGraph;
  /** Files whose revision header could not be read (no literal `revision = "…"`). */
  unreadable: string[];
}

export interface GraphLoad {
  graphs: ProjectGraph[];
  problems: FileProblem[];
}

/** Discover Alembic projects under `paths` and build their revision graphs (for `migsafe graph`). */
export async function loadGraphs(paths: string[], cwd: string, root: string, exclude: string[]): Promise<GraphLoad> {
  await loadPythonParser();
  const found = discoverAlembic(paths, cwd, root, exclude);
  const display = (abs: string) => toPosix(relative(cwd, abs)) || abs;
  const problems = [...found.problems];
  const graphs: ProjectGraph[] = [];
  const groups: AlembicGroup[] = found.groups.length
    ? found.groups
    : found.files.length
      ? [{ root: found.files[0]!, project: null, files: found.files, transactional: true }]
      : [];
  for (const g of groups) {
    const inputs: GraphInput[] = [];
    const unreadable: string[] = [];
    for (const abs of g.files) {
      const read = readText(abs);
      if (!read.ok) {
        problems.push({ file: display(abs), message: read.message });
        continue;
      }
      const { root: tree } = parsePython(read.text);
      const info = readRevision(read.text, tree);
      if (!info.revision) unreadable.push(display(abs));
      inputs.push(graphInput(display(abs), new SourceText(read.text), info));
    }
    graphs.push({ root: display(g.root), graph: buildGraph(inputs), unreadable });
  }
  return { graphs, problems };
}
