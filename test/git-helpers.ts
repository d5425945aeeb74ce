import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { tmp } from './cli-helpers.js';

export interface TestRepo {
  dir: string;
  git: SimpleGit;
  write(files: Record<string, string>): void;
  commit(files: Record<string, string>, message: string): Promise<void>;
}

/** A real temporary git repository on branch main, with a local identity. */
export async function makeRepo(): Promise<TestRepo> {
  const dir = tmp('migsafe-git-');
  const git = simpleGit(dir);
  await git.raw(['init', '-q', '-b', 'main']);
  await git.addConfig('user.email', 'test@migsafe.local');
  await git.addConfig('user.name', 'migsafe test');
  await git.addConfig('commit.gpgsign', 'false');
  const write = (files: Record<string, string>) => {
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), content);
    }
  };
  return {
    dir, git, write,
    async commit(files, message) {
      write(files);
      await git.add(Object.keys(files));
      await git.commit(message);
    },
  };
}
