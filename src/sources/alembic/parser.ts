/**
 * The one place that loads tree-sitter (WASM) with the Python grammar shipped inside
 * `tree-sitter-python`. Both packages are pinned together in package.json because the grammar's
 * ABI must match the runtime. Call loadPythonParser() once before parsing.
 *
 * parsePython() copies the syntax tree into plain objects and deletes the WASM tree at once, so
 * the rest of the front end never holds WASM memory and cannot leak it. Reading a node out of
 * WASM costs a call per property, so in a file without syntax errors the expressions (most of a
 * migration's nodes) are read from the source text by expr.ts instead, in the same shape.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language as TsLanguage, Parser as TsParser } from 'web-tree-sitter';
import { READABLE_TYPES, readExpression } from './expr.js';

/** A syntax node, copied out of tree-sitter. Offsets are UTF-16 indices into the parsed string. */
export interface PyNode {
  type: string;
  start: number;
  end: number;
  named: boolean;
  /** A token tree-sitter inserted to recover from a syntax error. */
  missing: boolean;
  /** The field name this node has in its parent (`function`, `arguments`, `name`, …). */
  field: string | null;
  children: PyNode[];
}

export interface PyParse {
  root: PyNode;
  /** ERROR and MISSING nodes, outermost first, in source order. */
  errors: PyNode[];
}

let loaded: Promise<void> | null = null;
let parser: TsParser | null = null;

export function loadPythonParser(): Promise<void> {
  if (!loaded) {
    loaded = (async () => {
      const ts = await import('web-tree-sitter');
      await ts.Parser.init();
      const require = createRequire(import.meta.url);
      const wasm = join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm');
      const lang: TsLanguage = await ts.Language.load(wasm);
      const p = new ts.Parser();
      p.setLanguage(lang);
      parser = p;
    })();
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

export function pythonParserReady(): boolean {
  return parser !== null;
}

/** Per grammar symbol: its name, whether it is a named node (anonymous nodes are punctuation and keywords), and whether expr.ts reads it. */
let symbols: { type: string[]; named: boolean[]; readable: boolean[]; fields: (string | null)[] } | null = null;

export interface ParseOptions {
  /**
   * Copy every node from tree-sitter instead of reading expressions from the source text (the
   * tree is the same; tests compare the two, and the benchmark times both).
   */
  copyAll?: boolean;
}

/**
 * Parse Python source. tree-sitter always returns a tree; syntax errors are ERROR/MISSING nodes.
 *
 * Reading a node out of WASM costs a call per property, so a tree without errors is copied
 * without its anonymous tokens (punctuation, keywords: the front end reads their text from the
 * source instead), and its expressions are read from the source text (expr.ts) where the reader
 * handles them. A tree with errors is copied whole, MISSING tokens included.
 */
export function parsePython(text: string, opts: ParseOptions = {}): PyParse {
  if (!parser) throw new Error('Python parser not loaded: await loadPythonParser() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const lang = tree.language;
    if (!symbols) {
      const type: string[] = [];
      const named: boolean[] = [];
      const readable: boolean[] = [];
      for (let i = 0; i < lang.types.length; i++) {
        type.push(lang.types[i] ?? 'ERROR');
        named.push(lang.nodeTypeIsNamed(i));
        readable.push(named[i]! && READABLE_TYPES.has(type[i]!));
      }
      symbols = { type, named, readable, fields: [...lang.fields] };
    }
    const sym = symbols;
    const full = tree.rootNode.hasError;
    const read = !full && !opts.copyAll;
    // Inside an expression the reader found too deep, its sub-expressions are copied too.
    let copyUntil = -1;
    const errors: PyNode[] = [];
    const cursor = tree.walk();
    try {
      const make = (typeId: number): PyNode => ({
        type: typeId === 65535 ? 'ERROR' : (sym.type[typeId] ?? 'ERROR'),
        start: cursor.startIndex,
        end: cursor.endIndex,
        named: typeId === 65535 || (sym.named[typeId] ?? true),
        missing: full ? cursor.nodeIsMissing : false,
        field: sym.fields[cursor.currentFieldId] ?? null,
        children: [],
      });
      const enter = (node: PyNode, parentInError: boolean): boolean => {
        const isError = node.type === 'ERROR' || node.missing;
        if (isError && !parentInError) errors.push(node);
        return parentInError || isError;
      };
      const root = make(cursor.nodeTypeId);
      // Iterative, so deeply nested input cannot overflow the JS stack.
      const parents: PyNode[] = [root];
      const inError: boolean[] = [enter(root, false)];
      if (cursor.gotoFirstChild()) {
        for (;;) {
          let typeId = cursor.nodeTypeId;
          let descend = false;
          let node: PyNode | null = null;
          if (read && sym.readable[typeId]) {
            const start = cursor.startIndex;
            if (start >= copyUntil) {
              const end = cursor.endIndex;
              const r = readExpression(text, sym.type[typeId]!, start, end, sym.fields[cursor.currentFieldId] ?? null);
              if (r.ok) {
                parents[parents.length - 1]!.children.push(r.node);
                typeId = -1; // read: do not copy or descend
              } else if (r.deep) copyUntil = end;
            }
          }
          if (typeId >= 0 && (full || typeId === 65535 || sym.named[typeId])) {
            const top = parents.length - 1;
            node = make(typeId);
            parents[top]!.children.push(node);
            inError.push(enter(node, inError[top]!));
            // A string's parts are read from the source text (pystring.ts), so its children are not copied.
            descend = (full || node.type !== 'string') && cursor.gotoFirstChild();
            if (descend) parents.push(node);
            else inError.pop();
          }
          if (descend) continue;
          let done = false;
          while (!cursor.gotoNextSibling()) {
            cursor.gotoParent();
            parents.pop();
            inError.pop();
            if (parents.length === 0) {
              done = true;
              break;
            }
          }
          if (done) break;
        }
      }
      return { root, errors };
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
}

// ── small helpers over PyNode ──────────────────────────────────────────────────────────────

// Plain loops: these run for nearly every node the front end looks at.
export function field(n: PyNode, name: string): PyNode | null {
  const cs = n.children;
  for (let i = 0; i < cs.length; i++) if (cs[i]!.field === name) return cs[i]!;
  return null;
}
export const fields = (n: PyNode, name: string): PyNode[] => n.children.filter((c) => c.field === name);
export function namedChildren(n: PyNode): PyNode[] {
  const out: PyNode[] = [];
  const cs = n.children;
  for (let i = 0; i < cs.length; i++) if (cs[i]!.named && cs[i]!.type !== 'comment') out.push(cs[i]!);
  return out;
}
export const textOf = (src: string, n: PyNode): string => src.slice(n.start, n.end);
