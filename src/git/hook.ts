/** `migsafe install-hook`: a git pre-commit hook that runs `migsafe lint --staged`. */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { UsageError } from '../errors.js';

export const HOOK_MARKER = '# installed by migsafe install-hook';

export function hookScript(args: string[]): string {
  const extra = args.length ? ' ' + args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ') : '';
  return `#!/bin/sh
${HOOK_MARKER}
# Lints the staged migrations; bypass once with: git commit --no-verify
if command -v migsafe >/dev/null 2>&1; then
  exec migsafe lint --staged${extra}
fi
exec npx --no-install migsafe lint --staged${extra}
`;
}

export type HookResult = { path: string; action: 'created' | 'updated' | 'unchanged' | 'replaced' };

export async function installHook(cwd: string, opts: { force?: boolean; args?: string[] } = {}): Promise<HookResult> {
  let hooksDir: string;
  try {
    const git = simpleGit({ baseDir: cwd });
    const out = (await git.raw(['rev-parse', '--git-path', 'hooks'])).trim();
    if (!out) throw new Error('no git dir');
    hooksDir = isAbsolute(out) ? out : join(cwd, out);
  } catch {
    throw new UsageError(`${cwd} is not inside a git repository, which install-hook needs`);
  }
  const path = join(hooksDir, 'pre-commit');
  const script = hookScript(opts.args ?? []);
  let action: HookResult['action'] = 'created';
  if (existsSync(path)) {
    const current = readFileSync(path, 'utf8');
    if (current === script) return { path, action: 'unchanged' };
    if (!current.includes(HOOK_MARKER)) {
      if (!opts.force) throw new UsageError(`${path} already exists and was not written by migsafe; add migsafe to it by hand, or use --force to replace it`);
      action = 'replaced';
    } else action = 'updated';
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmpPath = `${path}.migsafe-tmp`;
  writeFileSync(tmpPath, script, { mode: 0o755 });
  chmodSync(tmpPath, 0o755);
  renameSync(tmpPath, path);
  return { path, action };
}
