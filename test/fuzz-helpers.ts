/** Seeds and mutations shared by the property tests of the SQL and Python front ends. */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Every rule case with this extension (`.sql`, `.py`); with `.py`, every fixture revision too. */
export function caseSeeds(ext: '.sql' | '.py'): string[] {
  const seeds: string[] = [];
  const rulesDir = join(root, 'rules');
  for (const id of readdirSync(rulesDir)) {
    let files: string[];
    try {
      files = readdirSync(join(rulesDir, id, 'cases'));
    } catch {
      continue; // a rule without cases
    }
    for (const f of files) if (f.endsWith(ext)) seeds.push(readFileSync(join(rulesDir, id, 'cases', f), 'utf8'));
  }
  if (ext === '.py') {
    const fixtures = join(root, 'fixtures', 'alembic');
    for (const p of readdirSync(fixtures)) for (const f of readdirSync(join(fixtures, p, 'versions'))) if (f.endsWith('.py')) seeds.push(readFileSync(join(fixtures, p, 'versions', f), 'utf8'));
  }
  return seeds;
}

/** A seed with up to `maxEdits` random edits: at a position, delete up to `maxDelete` characters and insert a token. */
export function mutatedSeeds(seeds: string[], tokens: string[], maxDelete: number, maxEdits: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(maxDelete), fc.constantFrom(...tokens)), { maxLength: maxEdits }))
    .map(([seed, edits]) => {
      let s = seed;
      for (const [at, del, ins] of edits) {
        const i = s.length ? at % (s.length + 1) : 0;
        s = s.slice(0, i) + ins + s.slice(i + del);
      }
      return s;
    });
}
