import { writeSync } from 'node:fs';

/** What a command may touch: its output streams, the working directory and colour support. */
export interface CommandIO {
  cwd: string;
  color: boolean;
  out(text: string): void;
  err(line: string): void;
  /** stderr is a terminal and this is not CI: long steps may show progress there. */
  progress?: boolean;
  /** Running in CI (the CI environment variable is set, as GitHub Actions, GitLab CI and most others do). */
  ci?: boolean;
  /** Raw stderr write without a newline (progress lines). */
  errRaw?(text: string): void;
  /** Ask a question on the terminal; undefined when stdin is not a TTY. */
  prompt?(question: string): Promise<string>;
}

/** Synchronous writes, so output is complete before main.ts calls process.exit. */
export function processIO(): CommandIO {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const color = forced || (!!process.stdout.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    cwd: process.cwd(),
    color: env.NO_COLOR !== undefined && !forced ? false : color,
    out: (text) => writeAll(1, text),
    err: (line) => writeAll(2, line.endsWith('\n') ? line : line + '\n'),
    progress: !!process.stderr.isTTY && !isCI(env),
    ci: isCI(env),
    errRaw: (text) => writeAll(2, text),
    prompt: process.stdin.isTTY ? askTTY : undefined,
  };
}

/** CI=true / CI=1 / any other non-empty value except "false" and "0". */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e: any) {
      if (e?.code === 'EAGAIN') continue;
      if (e?.code === 'EPIPE') return;
      throw e;
    }
  }
}

async function askTTY(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
