/**
 * SARIF 2.1.0, as GitHub code scanning accepts it. One run; `tool.driver.rules` comes from the
 * rule registry (every rule, with its README as markdown help); results carry repo-relative
 * locations, line-shift-stable `partialFingerprints`, and `suppressions` for ignored findings.
 */
import { rules as registry } from '../../rules/index.js';
import type { LintResult } from '../lint.js';
import { locate, type Located } from './located.js';
import { REPO_URL, TOOL_NAME, ruleDocUrl, ruleFullDescription, ruleHelpMarkdown, ruleHelpText, toolVersion } from './docs.js';
import { fingerprints, repoPath, type ReportOptions } from './options.js';
import type { LineIndex } from './line-index.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key under partialFingerprints; bump the version if the hash inputs ever change. */
export const FINGERPRINT_KEY = 'migsafe/v1';

type Level = 'error' | 'warning' | 'note';
const level = (severity: string): Level => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');

/** URI reference for a repo-relative path: each segment percent-encoded. */
const uriOf = (path: string) => path.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function region(f: { line: number; column: number; endLine: number; endColumn: number }): Region {
  // SARIF end columns are exclusive; an empty span is shown as the one character at its start.
  const empty = f.endLine < f.line || (f.endLine === f.line && f.endColumn <= f.column);
  return empty
    ? { startLine: f.line, startColumn: f.column, endLine: f.line, endColumn: f.column + 1 }
    : { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

function directiveRegion(f: Located, indexes: Map<string, LineIndex>): Region | null {
  const idx = indexes.get(f.file);
  if (!idx || !f.suppressed) return null;
  const a = idx.position(f.suppressed.directive.start);
  const b = idx.position(Math.max(f.suppressed.directive.start, f.suppressed.directive.end));
  return region({ line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
}

export function buildSarif(result: LintResult, opts: ReportOptions = {}) {
  const { located, indexes } = locate(result);
  const prints = fingerprints(result, located, indexes, opts);

  const descriptors = registry.map((r) => ({
    id: r.meta.id,
    name: r.meta.id,
    shortDescription: { text: r.meta.summary },
    fullDescription: { text: ruleFullDescription(r) },
    helpUri: ruleDocUrl(r.meta.id),
    help: { text: ruleHelpText(r), markdown: ruleHelpMarkdown(r) },
    defaultConfiguration: { level: level(r.meta.severity) },
    properties: { tags: ['postgresql', 'migrations', r.meta.category], category: r.meta.category },
  }));
  const index = new Map(descriptors.map((d, i) => [d.id, i] as const));
  // A finding from a rule the registry does not list (should not happen) still gets a descriptor.
  for (const f of located) {
    if (!index.has(f.rule)) {
      index.set(f.rule, descriptors.length);
      descriptors.push({
        id: f.rule, name: f.rule, shortDescription: { text: f.rule }, fullDescription: { text: f.rule }, helpUri: ruleDocUrl(f.rule),
        help: { text: f.help, markdown: f.help }, defaultConfiguration: { level: level(f.severity) }, properties: { tags: ['postgresql', 'migrations'], category: 'meta' },
      });
    }
  }

  const results = located.map((f, i) => {
    const uri = uriOf(repoPath(f.file, opts));
    const dRegion = directiveRegion(f, indexes);
    return {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: level(f.severity),
      message: { text: `${f.message}\n${f.help}` },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      ...(f.suppressed
        ? {
            suppressions: [
              {
                kind: 'inSource' as const,
                justification: f.suppressed.reason,
                ...(dRegion ? { location: { physicalLocation: { artifactLocation: { uri }, region: dRegion } } } : {}),
              },
            ],
          }
        : {}),
      properties: { direction: f.direction, language: f.language, ...(f.phase ? { phase: f.phase } : {}) },
    };
  });

  const notifications = result.fileProblems.map((p) => ({
    level: 'error' as const,
    message: { text: `${p.file}: ${p.message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(repoPath(p.file, opts)) } } }],
  }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion(),
            semanticVersion: toolVersion(),
            informationUri: REPO_URL,
            rules: descriptors,
          },
        },
        invocations: [{ executionSuccessful: result.fileProblems.length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

export function renderSarif(result: LintResult, opts: ReportOptions = {}): string {
  return JSON.stringify(buildSarif(result, opts), null, 2) + '\n';
}
