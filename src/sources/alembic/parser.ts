/**
 * The one place that loads tree-sitter (WASM) with the Python grammar shipped inside
 * `tree-sitter-python`. Both packages are pinned together in package.json because the grammar's
 * ABI must match the runtime. Call loadPythonParser() once before parsing.
 *
 * parsePython() copies the syntax tree into plain objects and deletes the WASM tree at once, so
 * the rest of the front end never holds WASM memory and cannot leak it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language as TsLanguage, Parser as TsParser } from 'web-tree-sitter';

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

/** Per grammar symbol: its name and whether it is a named node (anonymous nodes are punctuation and keywords). */
let symbols: { type: string[]; named: boolean[]; fields: (string | null)[] } | null = null;

/**
 * Parse Python source. tree-sitter always returns a tree; syntax errors are ERROR/MISSING nodes.
 *
 * Reading a node out of WASM costs a call per property, so a tree without errors is copied
 * without its anonymous tokens (punctuation, keywords: the front end reads their text from the
 * source instead). A tree with errors is copied whole, MISSING tokens included.
 */
export function parsePython(text: string): PyParse {
  if (!parser) throw new Error('Python parser not loaded: await loadPythonParser() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const lang = tree.language;
    if (!symbols) {
      const type: string[] = [];
      const named: boolean[] = [];
      for (let i = 0; i < lang.types.length; i++) {
        type.push(lang.types[i] ?? 'ERROR');
        named.push(lang.nodeTypeIsNamed(i));
      }
      symbols = { type, named, fields: [...lang.fields] };
    }
    const sym = symbols;
    const full = tree.rootNode.hasError;
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
          const typeId = cursor.nodeTypeId;
          let descend = false;
          let node: PyNode | null = null;
          if (full || typeId === 65535 || sym.named[typeId]) {
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

export const field = (n: PyNode, name: string): PyNode | null => n.children.find((c) => c.field === name) ?? null;
export const fields = (n: PyNode, name: string): PyNode[] => n.children.filter((c) => c.field === name);
export const namedChildren = (n: PyNode): PyNode[] => n.children.filter((c) => c.named && c.type !== 'comment');
export const textOf = (src: string, n: PyNode): string => src.slice(n.start, n.end);
