/**
 * manifest.json: what a snapshot holds and how far it was verified. zod-validated when read back,
 * and sealed with a sha256 over its own canonical content, so a hand edit is detected.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { fingerprintSchema } from './fingerprint/schema.js';
import type { Fs } from './ports.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'migsafe-snapshot';

export const verificationLevel = z.enum(['none', 'read', 'restore']);
export type VerificationLevel = z.infer<typeof verificationLevel>;

export const verificationSchema = z.object({
  level: verificationLevel,
  at: z.string().nullable(),
  /** Where the restore ran (local cluster, docker, server scratch database). */
  sandbox: z.string().nullable(),
  /** Why verification stopped where it did, and what was expected (invalid indexes left out). */
  notes: z.array(z.string()),
});

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(1),
    id: z.string().regex(/^[A-Za-z0-9._-]+$/),
    createdAt: z.string(),
    source: z.object({
      url: z.string(),
      serverVersion: z.string(),
      serverVersionNum: z.number().int(),
      systemIdentifier: z.string().nullable(),
      database: z.string(),
      encoding: z.string(),
    }),
    /** The exported snapshot id the fingerprint and pg_dump shared. */
    snapshotId: z.string(),
    migration: z.object({ tool: z.enum(['alembic', 'none']), revisions: z.array(z.string()) }),
    dump: z.object({
      tool: z.literal('pg_dump'),
      version: z.string(),
      format: z.enum(['custom', 'directory']),
      /** Relative path of the archive (a file for custom, a directory for directory format). */
      path: z.string(),
      args: z.array(z.string()),
      jobs: z.number().int().positive(),
      durationMs: z.number(),
    }),
    files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
    fingerprint: fingerprintSchema,
    verification: verificationSchema,
    /** sha256 of the canonical JSON of every other field. */
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type UnsealedManifest = Omit<Manifest, 'checksum'>;

/** JSON with sorted keys: the bytes the checksum covers. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function seal(m: UnsealedManifest): Manifest {
  const { checksum: _drop, ...rest } = m as Manifest;
  return { ...rest, checksum: createHash('sha256').update(canonicalJson(rest)).digest('hex') };
}

export async function writeManifest(fs: Fs, dir: string, m: UnsealedManifest): Promise<Manifest> {
  const sealed = seal(m);
  await fs.writeFileAtomic(join(dir, MANIFEST), JSON.stringify(sealed, null, 2) + '\n');
  return sealed;
}

export type ManifestRead = { ok: true; manifest: Manifest } | { ok: false; missing: boolean; problem: string };

/** Read and validate. `missing` distinguishes "no manifest" (interrupted snapshot) from "invalid". */
export async function readManifest(fs: Fs, dir: string): Promise<ManifestRead> {
  const path = join(dir, MANIFEST);
  const st = await fs.stat(path);
  if (!st) {
    const d = await fs.stat(dir);
    if (!d) return { ok: false, missing: true, problem: `${dir}: no such snapshot directory` };
    return { ok: false, missing: true, problem: `${path} is missing: the snapshot is incomplete (interrupted?) and cannot be used` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse((await fs.readFile(path)).toString('utf8'));
  } catch (e) {
    return { ok: false, missing: false, problem: `${path}: not valid JSON (${(e as Error).message})` };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, missing: false, problem: `${path}: invalid manifest at ${i.path.join('.') || '(root)'}: ${i.message}` };
  }
  const m = parsed.data;
  if (seal(m).checksum !== m.checksum) return { ok: false, missing: false, problem: `${path}: checksum mismatch: the manifest was modified after migsafe wrote it` };
  return { ok: true, manifest: m };
}
