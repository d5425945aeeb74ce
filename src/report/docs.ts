/**
 * Where the rule docs live, and the tool's identity, for every format that links or describes
 * rules (SARIF, markdown, GitLab, JUnit). The docs URL scheme is defined here and nowhere else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyRule } from '../engine/rule.js';
import { packageRoot, ruleDocPath } from '../paths.js';

export const TOOL_NAME = 'migsafe';
export const REPO_URL = 'https://github.com/migsafe/migsafe';

/** The one URL scheme for rule docs: rules/<id>/README.md on the main branch. */
export function ruleDocUrl(id: string): string {
  return `${REPO_URL}/blob/main/rules/${encodeURIComponent(id)}/README.md`;
}

let version: string | undefined;
export function toolVersion(): string {
  if (version === undefined) {
    try {
      version = String(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version ?? '0.0.0');
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}

const readmes = new Map<string, string | null>();
/** The rule's README.md (what `migsafe explain` prints), or null when the rule has none yet. */
export function ruleReadme(id: string): string | null {
  if (!readmes.has(id)) {
    let text: string | null = null;
    try {
      const p = ruleDocPath(id);
      if (existsSync(p)) text = readFileSync(p, 'utf8');
    } catch {
      text = null;
    }
    readmes.set(id, text);
  }
  return readmes.get(id)!;
}

/** `{name}` placeholders of a rule-level template, shown as `<name>` (rule metadata has no finding data). */
const placeholders = (s: string, md: boolean) => s.replace(/\{(\w+)\}/g, (_m, k: string) => (md ? `&lt;${k}&gt;` : `<${k}>`));

/** Markdown help for a rule: its README, or (until it has one) a page built from its metadata. */
export function ruleHelpMarkdown(rule: AnyRule): string {
  const readme = ruleReadme(rule.meta.id);
  if (readme) return readme;
  return `# ${rule.meta.id}\n\n${rule.meta.summary}.\n\n## Safe alternative\n\n${placeholders(rule.meta.help, true)}\n\nDocs: ${ruleDocUrl(rule.meta.id)}\n`;
}

/** Plain-text help for a rule: summary and the safe alternative. */
export function ruleHelpText(rule: AnyRule): string {
  return `${rule.meta.summary}. ${placeholders(rule.meta.help, false)}\nDocs: ${ruleDocUrl(rule.meta.id)}`;
}

/**
 * A paragraph describing the rule: the first paragraph of the README's "Why it's dangerous"
 * section, without markdown emphasis, or the summary when the README does not say.
 */
export function ruleFullDescription(rule: AnyRule): string {
  const readme = ruleReadme(rule.meta.id);
  const m = readme ? /^## Why it's dangerous[ \t]*\n+([\s\S]*?)(?:\n[ \t]*\n|(?![\s\S]))/m.exec(readme) : null;
  const para = m?.[1]?.trim();
  if (!para) return `${rule.meta.summary}.`;
  return para.replace(/\s*\n\s*/g, ' ').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*\s][^*]*)\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}
