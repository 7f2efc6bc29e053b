"""The package's layers, checked on its source (ast) so they hold without anyone remembering.

ui, reports → services (symptoms, treatments, visits, profile, library) → store / library.
See docs/architecture.md.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import companion

PACKAGE = Path(companion.__file__).parent

# Layers that talk to services only, never to the store or SQL.
PRESENTATION = ("companion.ui", "companion.reports")
# Layers below the UI: Qt only through companion.translations (tr() and the locale).
QT_FREE = (
    "companion.store",
    "companion.library",
    "companion.symptoms",
    "companion.treatments",
    "companion.visits",
    "companion.profile",
    "companion.services",
    "companion.clock",
    "companion.paths",
    "companion.errors",
)
# Which feature owns each table (ORM model); a feature reads only its own and asks the
# others' services for the rest. companion.demo writes a whole example profile: it may use all.
OWNERS = {
    "companion.profile": {"Profile"},
    "companion.symptoms": {"CheckIn", "SymptomAnswer", "EsasAnswer", "RedFlagEvent"}
    | {"PinnedSymptom"},
    "companion.treatments": {
        "TherapyLine",
        "LineDrug",
        "Administration",
        "OtherMedicine",
        "TestResult",
        "Biopsy",
        "MetastasisSite",
        "TreatmentProcedure",
    },
    "companion.visits": {"Visit", "Question", "VisitQuestion", "DismissedSuggestion"},
}
# Medicines at home are part of the treatments feature: their schedules hang off a line of
# therapy and follow its treatment days (services.treatments.schedules). They own the
# medicine tables, which the rest of treatments reaches through their service.
MEDICINE_TABLES = {"MedicineSchedule", "MedicineDose", "DoseLogEntry"}
OWNERS["companion.medicines"] = OWNERS["companion.treatments"] | MEDICINE_TABLES
MODELS = set().union(*OWNERS.values())


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    return {name: path for name, path in found.items() if ".migrations." not in name}


def in_layer(name: str, layers: tuple[str, ...]) -> bool:
    return any(name == layer or name.startswith(layer + ".") for layer in layers)


def imports(name: str, path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported module, names taken from it) for every import, also those inside
    functions and under TYPE_CHECKING: a cycle of types is still a cycle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base, [alias.name for alias in node.names]


def internal_targets(module: str, names: list[str], known: dict[str, Path]) -> list[str]:
    """The package's modules an import statement loads: `from a import b` loads a.b if b is
    a module, else a itself."""
    if not module.startswith("companion"):
        return []
    targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in known]
    if len(targets) < len(names) or not names:
        targets.append(module)
    return [t for t in targets if t in known]


def graph() -> dict[str, set[str]]:
    known = modules()
    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for _, module, names in imports(name, path):
            edges[name].update(t for t in internal_targets(module, names, known) if t != name)
    return edges


def test_pages_and_reports_never_reach_the_store() -> None:
    found = []
    for name, path in modules().items():
        if not in_layer(name, PRESENTATION):
            continue
        for line, module, _ in imports(name, path):
            if in_layer(module, ("companion.store", "sqlalchemy")):
                found.append(f"{name}:{line} imports {module}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "store":
                found.append(f"{name}:{node.lineno} uses .store")
    assert found == []


def test_services_and_library_use_qt_only_through_translations() -> None:
    found = [
        f"{name}:{line} imports {module}"
        for name, path in modules().items()
        if in_layer(name, QT_FREE)
        for line, module, _ in imports(name, path)
        if module.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert found == []


def test_features_read_only_their_own_tables() -> None:
    found = []
    for name, path in modules().items():
        owner = next((o for o in OWNERS if in_layer(name, (o,))), None)
        if owner is None and not in_layer(name, (*PRESENTATION, "companion.cli")):
            continue  # the store itself, the demo writer, the app
        for line, module, names in imports(name, path):
            if in_layer(module, ("companion.store.models",)):
                foreign = sorted(set(names) & MODELS - OWNERS.get(owner or "", set()))
                if foreign:
                    found.append(f"{name}:{line} reads {', '.join(foreign)}")
    assert found == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def package_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Cycles that are not only a package's __init__ re-exporting its own submodules."""
    found = []
    for group in cycles(edges):
        trimmed = {
            name: {t for t in edges[name] if t in group and not name.startswith(t + ".")}
            for name in group
        }
        found += cycles(trimmed)
    return found


def test_cycle_finder_sees_a_loop_through_a_function_level_import() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert package_cycles(graph()) == []


def test_the_layer_checks_see_this_package() -> None:
    """Guards the checks above against passing because they looked at nothing."""
    edges = graph()
    assert len(edges) > 100
    assert "companion.symptoms.model" in edges["companion.symptoms.history"]
