/** The real file system port: private modes (dirs 0700, files 0600), atomic writes. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStat, Fs } from '../ports.js';

export const nodeFs: Fs = {
  async mkdirPrivate(path) {
    await mkdir(path, { recursive: true, mode: 0o700 });
    await chmod(path, 0o700);
  },
  async writeFileAtomic(path, data) {
    const tmp = `${path}.tmp-${process.pid}`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => {});
      await rm(tmp, { force: true }).catch(() => {});
      throw e;
    }
    await fh.close();
    await rename(tmp, path);
  },
  readFile: (p) => readFile(p),
  rename: (a, b) => rename(a, b),
  rm: (p) => rm(p, { recursive: true, force: true }),
  async stat(p): Promise<FileStat | null> {
    try {
      const s = await stat(p);
      return { size: s.size, mode: s.mode & 0o777, isDirectory: s.isDirectory() };
    } catch (e: any) {
      if (e?.code === 'ENOENT' || e?.code === 'ENOTDIR') return null;
      throw e;
    }
  },
  chmod: (p, m) => chmod(p, m),
  async listFiles(dir) {
    const out: string[] = [];
    const walk = async (rel: string) => {
      for (const d of await readdir(join(dir, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) await walk(r);
        else if (d.isFile()) out.push(r);
      }
    };
    await walk('');
    return out.sort();
  },
  sha256(p) {
    return new Promise((resolve, reject) => {
      const h = createHash('sha256');
      let size = 0;
      createReadStream(p, { highWaterMark: 1 << 20 })
        .on('data', (c) => {
          size += c.length;
          h.update(c);
        })
        .on('error', reject)
        .on('end', () => resolve({ sha256: h.digest('hex'), size }));
    });
  },
  async head(p, n) {
    const fh = await open(p, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  },
};
