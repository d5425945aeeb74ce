"""Count Alembic operation calls with CPython's own parser (ast), as the peer of migsafe's tree-sitter front end.

Reads a JSON list of file paths on stdin; prints {path: count} or {path: "syntax-error"}.
Same counting rules as src/sources/alembic/extract.ts: op.<fn>() calls except helpers, calls on
batch_alter_table aliases, execute()/exec_driver_sql() on a connection from op.get_bind(), inside
the last module-level upgrade()/downgrade(), following calls into module-level helper functions.
"""
import ast
import json
import sys

NOT_OPS = {"f", "get_bind", "get_context", "inline_literal", "implementation_for", "register_operation", "invoke",
           "run_async", "batch_alter_table", "migration_context", "impl", "schema_obj", "context"}


def dotted(node):
    parts = []
    while True:
        if isinstance(node, ast.Name):
            parts.append(node.id)
            return ".".join(reversed(parts)).replace(".()", "()")
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            parts.append("()")
            node = node.func
        else:
            return None


def is_bind_expr(node):
    d = dotted(node)
    return d is not None and (d.endswith("get_bind()") or d.endswith("get_bind().connect()")
                              or d.endswith("get_context().bind") or d.endswith("get_context().connection"))


def count(tree):
    ops = {"op", "alembic.op"}
    defs = {}
    for st in tree.body:
        if isinstance(st, ast.ImportFrom) and st.module == "alembic":
            for a in st.names:
                if a.name == "op" and a.asname:
                    ops.add(a.asname)
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defs[st.name] = st

    def op_fn(call):
        d = dotted(call.func)
        if not d or "." not in d:
            return None
        head, _, fn = d.rpartition(".")
        return fn if head in ops else None

    def walk_fn(fn, binds, stack):
        local_binds = set(binds)
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and is_bind_expr(node.value):
                local_binds.add(node.targets[0].id)
        return walk_body(fn.body, local_binds, set(), stack)

    def walk_body(stmts, binds, batch, stack):
        n = 0
        for st in stmts:
            n += walk_node(st, binds, batch, stack)
        return n

    def walk_node(node, binds, batch, stack):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return 0
        if isinstance(node, (ast.With, ast.AsyncWith)):
            n = 0
            inner = set(batch)
            for item in node.items:
                c = item.context_expr
                if isinstance(c, ast.Call) and op_fn(c) == "batch_alter_table":
                    n += 1
                    if isinstance(item.optional_vars, ast.Name):
                        inner.add(item.optional_vars.id)
                    continue
                n += walk_node(c, binds, batch, stack)
            return n + walk_body(node.body, binds, inner, stack)
        n = 0
        if isinstance(node, ast.Call):
            fn = op_fn(node)
            if fn is not None:
                if fn not in NOT_OPS:
                    return 1
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id in batch:
                return 1
            elif isinstance(node.func, ast.Attribute) and node.func.attr in ("execute", "exec_driver_sql") and (
                    is_bind_expr(node.func.value) or (isinstance(node.func.value, ast.Name) and node.func.value.id in binds)):
                return 1
            elif isinstance(node.func, ast.Name) and node.func.id in defs and node.func.id not in stack and len(stack) < 8:
                helper = defs[node.func.id]
                params = [a.arg for a in helper.args.args]
                hb = set()
                for i, a in enumerate(node.args):
                    if i < len(params) and (is_bind_expr(a) or (isinstance(a, ast.Name) and a.id in binds)):
                        hb.add(params[i])
                for a in node.args:
                    n += walk_node(a, binds, batch, stack)
                return n + walk_fn(helper, hb, stack | {node.func.id})
        for child in ast.iter_child_nodes(node):
            n += walk_node(child, binds, batch, stack)
        return n

    total = 0
    for name in ("upgrade", "downgrade"):
        if name in defs:
            total += walk_fn(defs[name], set(), {name})
    return total


out = {}
for path in json.load(sys.stdin):
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
    except SyntaxError:
        out[path] = "syntax-error"
        continue
    out[path] = count(tree)
json.dump(out, sys.stdout)
