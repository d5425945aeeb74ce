/**
 * FileOutcome across a worker boundary. Structured clone keeps plain data only, so a Migration's
 * SourceText travels as its text and is rebuilt on the receiving side.
 */
import type { Finding } from '../engine/finding.js';
import type { FileOutcome } from '../lint-file.js';
import type { Migration } from '../model/migration.js';
import { SourceText } from '../sources/source-text.js';

type Bare = Omit<Migration, 'source'>;
type Alembic = Extract<FileOutcome, { kind: 'alembic' }>;

export type WireOutcome =
  | Exclude<FileOutcome, { kind: 'sql' | 'alembic' }>
  | { kind: 'sql'; text: string; migration: Bare; raw: Finding[]; down?: { migration: Bare; raw: Finding[] } }
  | { kind: 'alembic'; text: string; upgrade: Bare; downgrade: Bare; graph: Alembic['graph']; raw: Alembic['raw'] };

const bare = ({ source: _source, ...rest }: Migration): Bare => rest;

export function toWire(o: FileOutcome): WireOutcome {
  if (o.kind === 'sql') {
    const down = o.down ? { down: { migration: bare(o.down.migration), raw: o.down.raw } } : {};
    return { kind: 'sql', text: o.migration.source.text, migration: bare(o.migration), raw: o.raw, ...down };
  }
  if (o.kind === 'alembic') return { kind: 'alembic', text: o.upgrade.source.text, upgrade: bare(o.upgrade), downgrade: bare(o.downgrade), graph: o.graph, raw: o.raw };
  return o;
}

export function fromWire(w: WireOutcome): FileOutcome {
  if (w.kind === 'sql') {
    const source = new SourceText(w.text);
    const down = w.down ? { down: { migration: { ...w.down.migration, source }, raw: w.down.raw } } : {};
    return { kind: 'sql', migration: { ...w.migration, source }, raw: w.raw, ...down };
  }
  if (w.kind === 'alembic') {
    const source = new SourceText(w.text);
    return { kind: 'alembic', upgrade: { ...w.upgrade, source }, downgrade: { ...w.downgrade, source }, graph: w.graph, raw: w.raw };
  }
  return w;
}
