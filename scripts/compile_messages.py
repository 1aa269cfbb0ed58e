"""Compile every gettext catalogue under locale/ to its binary .mo form.

Uses polib so that a fresh machine needs no GNU gettext to run Daria.
"""

from pathlib import Path

import polib

REPO = Path(__file__).resolve().parents[1]


def compile_catalogues(root: Path) -> list[Path]:
    """Write a .mo beside each .po under ``root`` that is newer than its .mo; return them."""
    written = []
    for po_path in sorted(root.glob("**/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_catalogues(REPO / "locale"):
        print(f"compiled {path.relative_to(REPO)}")
