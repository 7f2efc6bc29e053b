"""Update the translation catalogue from the source and compile it for the app.

    .venv/bin/python scripts/update_translations.py [--out resources/translations]

    .venv/bin/python scripts/update_translations.py --new de   # start a German catalogue

Runs pyside6-lupdate over companion/ into her2_companion_en.ts (every tr() string; the source
language is English) and into every other her2_companion_<language>.ts in the folder: new
strings are added, translated ones kept, strings no longer in the code dropped. Then
pyside6-lrelease compiles each .ts to the .qm the app loads. Translate a .ts with
.venv/bin/pyside6-linguist, then run this script again.

lupdate sees only literal strings: self.tr("…"), SomeClass.tr("…"),
QCoreApplication.translate("Context", "…") and QT_TRANSLATE_NOOP("Context", "…").
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "companion"
CATALOGUE_NAME = "her2_companion"
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python (the venv) or on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project with `./dev` first")
    return found


def extract(ts_file: Path, sources: Path = SOURCES) -> None:
    """Write (or update) ts_file with every translatable string under sources."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            SOURCE_LANGUAGE,
            str(sources),
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def release(ts_file: Path, qm_file: Path | None = None) -> Path:
    """Compile ts_file to .qm (beside it unless qm_file is given); returns the .qm."""
    target = qm_file or ts_file.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(target)], check=True
    )
    return target


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "translations")
    parser.add_argument("--new", metavar="LANGUAGE", help="also start this language, e.g. de")
    args = parser.parse_args()
    catalogues = {args.out / f"{CATALOGUE_NAME}_{SOURCE_LANGUAGE}.ts"}
    catalogues.update(args.out.glob(f"{CATALOGUE_NAME}_*.ts"))
    if args.new:
        catalogues.add(args.out / f"{CATALOGUE_NAME}_{args.new}.ts")
    for ts_file in sorted(catalogues):
        extract(ts_file)  # lupdate takes the language from the file name
        print(release(ts_file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
