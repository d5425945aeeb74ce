import { z } from 'zod';

export const severitySetting = z.enum(['off', 'warning', 'error']);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** Rule severities by rule id. */
    rules: z.record(z.string(), severitySetting).default({}),
    /** Target PostgreSQL major version; changes what is safe (default 15). */
    pgVersion: z.number().int().min(9).max(30).optional(),
    /** Globs (relative to the config file) of migration files to lint when a directory is given. */
    include: z.array(z.string().min(1)).optional(),
    /** Globs (relative to the config file) to skip. */
    exclude: z.array(z.string().min(1)).optional(),
    /** Lowest severity that makes `lint` exit 1. */
    failOn: z.enum(['error', 'warning']).optional(),
    /** Treat every SQL file as if its runner wraps it in a transaction (Flyway, sqitch, …). */
    assumeInTransaction: z.boolean().optional(),
    /** Tags that mark releases, e.g. "v*": the newest one reachable from HEAD is the last release. */
    releaseTags: z.string().min(1).optional(),
    /** Where contract-still-referenced looks for application code (git pathspec globs, relative to the config file). */
    codeSearch: z.object({ include: z.array(z.string().min(1)).optional(), exclude: z.array(z.string().min(1)).optional() }).strict().optional(),
    /** Baseline file of accepted findings (see `migsafe baseline`). */
    baseline: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  /** Absolute path of the config file, or null when none was found. */
  file: string | null;
  /** Directory that globs are relative to. */
  root: string;
  rules: Record<string, 'off' | 'warning' | 'error'>;
  pgVersion: number;
  include: string[];
  exclude: string[];
  failOn: 'error' | 'warning';
  assumeInTransaction: boolean;
  releaseTags?: string;
  /** `base`: the directory the globs are relative to (the config file's). */
  codeSearch?: { include: string[]; exclude: string[]; base?: string };
  baseline?: string;
}

export const DEFAULT_INCLUDE = ['**/*.sql'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];
