"""The layers of docs/architecture.md, held: every import of every module (at its top or inside a
function) points to its own layer or a lower one, and no chain of imports comes back to where
it started.  Imports under `if TYPE_CHECKING:` are type hints, not dependencies, and are left out."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "policytext"

# Lowest first.  A module belongs to the first entry that is it or a package holding it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_record", "_version", "errors", "cn_numbers", "patterns", "lexicon", "segment", "fonts"),
    ("document",),
    ("classify", "ingest"),
    ("structure",),
    ("extract",),
    ("analysis", "display"),
    ("compare",),
    ("report",),
    ("comparison",),
    ("batch", "corpus", "spacy", "plot"),
    ("cli", "evaluation", ""),  # "" is the package facade, policytext/__init__.py
)


def layer_of(module: str) -> int:
    parts = module.split(".")[1:]  # without "policytext"
    head = parts[0] if parts else ""
    if head == "__init__":
        head = ""
    for n, names in enumerate(LAYERS):
        if head in names:
            return n
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and to docs/architecture.md")


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The policytext modules a module imports, wherever in it the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("policytext"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("policytext"):
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.add(sub if sub in known else target)
    out.discard(module)
    return out


GRAPH = {m: imports(m, p, set(modules())) for m, p in modules().items()}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_points_to_a_higher_layer(module):
    mine = layer_of(module)
    higher = sorted(t for t in GRAPH[module] if layer_of(t) > mine)
    assert not higher, f"{module} (layer {mine}) imports {higher}, which sit higher"


def test_no_import_cycle():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(GRAPH.get(m, ())):
            if state.get(t) == 1:
                cycle = stack[stack.index(t):] + [t]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)


def test_the_checker_sees_an_upward_import(tmp_path):
    bad = tmp_path / "document.py"
    bad.write_text("def f():\n    from .analysis import analyze\n", encoding="utf-8")
    found = imports("policytext.document", bad, {"policytext.analysis"})
    assert found == {"policytext.analysis"} and layer_of("policytext.analysis") > layer_of("policytext.document")
