/**
 * `migsafe graph [dir]`: the Alembic revision history, base first, in `alembic history` format
 * with heads, branch points and merge points marked, followed by what is wrong with the graph
 * (the multiple-heads, unknown-down-revision, duplicate-revision and revision-cycle rules).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { ruleIds, getRule } from '../../../rules/index.js';
import { loadConfig } from '../../config/load.js';
import { activeRules } from '../../lint.js';
import { UsageError } from '../../errors.js';
import { format } from '../../engine/rule.js';
import { LineIndex } from '../../report/line-index.js';
import { SourceText } from '../../sources/source-text.js';
import { historyLine } from '../../sources/alembic/graph.js';
import { loadGraphs } from '../../sources/alembic/graphs.js';
import type { CommandIO } from '../io.js';

export interface GraphFlags {
  format?: string;
  config?: string;
}

export async function graphCommand(dir: string | undefined, flags: GraphFlags, io: CommandIO): Promise<number> {
  const fmt = flags.format ?? 'text';
  if (fmt !== 'text' && fmt !== 'json') throw new UsageError(`unknown --format "${fmt}" (expected text or json)`);
  const config = loadConfig(io.cwd, flags.config, ruleIds);
  const active = activeRules(config);
  const target = dir ?? '.';
  try {
    statSync(resolve(io.cwd, target));
  } catch (e: any) {
    throw new UsageError(`${target}: ${e?.code === 'ENOENT' || e?.code === 'ENOTDIR' ? 'no such file or directory' : (e?.code ?? e?.message ?? String(e))}`);
  }
  const { graphs, problems: fileProblems } = await loadGraphs([target], io.cwd, config.root, config.exclude);
  for (const p of fileProblems) io.err(`migsafe: ${p.file}: ${p.message}`);
  // No revision file anywhere (e.g. version locations that do not exist): "0 heads" would hide it.
  if (!graphs.some((g) => g.graph.nodes.length > 0 || g.unreadable.length > 0)) {
    if (fileProblems.length) throw new UsageError(`${target}: no Alembic revisions found, because of the ${fileProblems.length === 1 ? 'problem' : 'problems'} above`);
    throw new UsageError(`${target}: no Alembic revisions found (looked for alembic.ini, or *.py files with \`revision =\` and \`def upgrade\`)`);
  }

  const indexes = new Map<string, LineIndex>();
  const at = (file: string, byte: number) => {
    let idx = indexes.get(file);
    if (!idx) {
      let text = '';
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch {
        /* position falls back to 1:1 */
      }
      indexes.set(file, (idx = new LineIndex(new SourceText(text))));
    }
    return idx.position(byte);
  };

  let failing = 0;
  const doc = graphs.map(({ root, graph, unreadable }) => {
    const problems = graph.problems
      .filter((p) => active.has(p.rule))
      .map((p) => {
        const severity = active.get(p.rule)!.severity;
        if (severity === 'error' || config.failOn === 'warning') failing++;
        const pos = at(p.file, p.span.start);
        return { rule: p.rule, severity, file: p.file, line: pos.line, column: pos.column, message: format(getRule(p.rule)!.meta.messages[p.messageId]!, p.data) };
      });
    return { root, graph, unreadable, problems };
  });

  if (fmt === 'json') {
    const out = {
      version: 1,
      graphs: doc.map(({ root, graph, unreadable, problems }) => ({
        root,
        heads: graph.heads,
        bases: graph.bases,
        revisions: graph.nodes.map((n) => ({
          revision: n.revision, downRevisions: n.downRevisions, dependsOn: n.dependsOn, branchLabels: n.branchLabels,
          message: n.message, file: n.file, head: n.head, branchpoint: n.branchpoint, mergepoint: n.mergepoint,
        })),
        unreadable,
        problems,
      })),
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
    return fileProblems.length ? 2 : failing ? 1 : 0;
  }

  const c = new Chalk({ level: io.color ? 1 : 0 });
  const lines: string[] = [];
  for (const { root, graph, unreadable, problems } of doc) {
    if (lines.length) lines.push('');
    lines.push(c.bold(root));
    for (const n of graph.nodes) {
      const line = historyLine(n);
      lines.push(`  ${n.head ? c.green(line) : line}  ${c.dim(n.file)}`);
    }
    for (const f of unreadable) lines.push(`  ${c.yellow('?')} ${f}: no literal \`revision = "…"\`, left out of the graph`);
    lines.push('');
    lines.push(`  ${graph.heads.length} head${graph.heads.length === 1 ? '' : 's'}: ${graph.heads.join(', ') || '(none)'}`);
    for (const p of problems) {
      const sev = p.severity === 'error' ? c.red.bold('error') : c.yellow.bold('warning');
      lines.push(`  ${c.bold(`${p.file}:${p.line}:${p.column}`)} ${sev} ${c.cyan(p.rule)}`, `    ${p.message}`);
    }
  }
  io.out(lines.join('\n') + '\n');
  // Like lint: files or locations that could not be read make the result incomplete.
  return fileProblems.length ? 2 : failing ? 1 : 0;
}
