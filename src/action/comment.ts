/**
 * Post or update migsafe's single PR comment. Used by action.yml after `migsafe lint --format
 * markdown`: it finds the earlier comment by the hidden marker that the markdown report starts
 * with and edits it in place, so a PR never collects duplicate comments.
 *
 *   GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL  (set by Actions)
 *   MIGSAFE_MARKDOWN  the markdown file to post
 *
 * Needs `pull-requests: write`; this is the only part of the action that uses the token.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MARKDOWN_MARKER } from '../report/markdown.js';

export interface CommentOptions {
  apiUrl: string;
  token: string;
  /** owner/name */
  repo: string;
  issue: number;
  body: string;
  marker?: string;
  fetch?: typeof fetch;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url?: string;
}

/** The `rel="next"` URL of a GitHub Link header. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

export async function upsertComment(o: CommentOptions): Promise<CommentResult> {
  const f = o.fetch ?? fetch;
  const marker = o.marker ?? MARKDOWN_MARKER;
  if (!o.body.includes(marker)) throw new Error(`the comment body does not contain the marker ${marker}`);
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${o.token}`,
    'x-github-api-version': '2022-11-28',
    'content-type': 'application/json',
    'user-agent': 'migsafe-action',
  };
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await f(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`${method} ${url}: HTTP ${res.status}${text ? ` ${text.slice(0, 300)}` : ''}`);
    }
    return res;
  };
  const base = o.apiUrl.replace(/\/+$/, '');
  let url: string | null = `${base}/repos/${o.repo}/issues/${o.issue}/comments?per_page=100`;
  let existing: { id: number; body: string; html_url?: string } | undefined;
  while (url && !existing) {
    const res = await call('GET', url);
    const list = (await res.json()) as { id: number; body?: string | null; html_url?: string }[];
    const hit = list.find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (hit) existing = { id: hit.id, body: hit.body!, html_url: hit.html_url };
    url = nextLink(res.headers.get('link'));
  }
  if (existing) {
    if (existing.body === o.body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const res = await call('PATCH', `${base}/repos/${o.repo}/issues/comments/${existing.id}`, { body: o.body });
    const c = (await res.json()) as { id: number; html_url?: string };
    return { action: 'updated', id: c.id ?? existing.id, url: c.html_url };
  }
  const res = await call('POST', `${base}/repos/${o.repo}/issues/${o.issue}/comments`, { body: o.body });
  const c = (await res.json()) as { id: number; html_url?: string };
  return { action: 'created', id: c.id, url: c.html_url };
}

/** The PR (or issue) number of the event that triggered the workflow, or null. */
export function issueNumber(eventPath: string | undefined): number | null {
  if (!eventPath) return null;
  try {
    const ev = JSON.parse(readFileSync(eventPath, 'utf8'));
    const n = ev?.pull_request?.number ?? ev?.issue?.number ?? null;
    return typeof n === 'number' ? n : null;
  } catch {
    return null;
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<number> {
  const issue = issueNumber(env.GITHUB_EVENT_PATH);
  if (issue === null) {
    log('migsafe: not a pull request event; no PR comment posted');
    return 0;
  }
  if (!env.GITHUB_TOKEN) {
    log('migsafe: no token (input github-token); no PR comment posted');
    return 1;
  }
  if (!env.MIGSAFE_MARKDOWN || !env.GITHUB_REPOSITORY) {
    log('migsafe: MIGSAFE_MARKDOWN and GITHUB_REPOSITORY must be set');
    return 1;
  }
  const body = readFileSync(env.MIGSAFE_MARKDOWN, 'utf8');
  const r = await upsertComment({ apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', token: env.GITHUB_TOKEN, repo: env.GITHUB_REPOSITORY, issue, body });
  log(`migsafe: PR comment ${r.action}${r.url ? `: ${r.url}` : ''}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(`migsafe: could not post the PR comment: ${e?.message ?? e}`);
      process.exitCode = 1;
    },
  );
}
