"""An MkDocs hook: the "Notebooks" section of the navigation lists every notebook in
``docs/notebooks/`` (jupytext percent-format ``.py`` files), in file-name order, each under the
title of its first heading. Adding a notebook is adding its file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SECTION = "Notebooks"


def notebooks(docs_dir: Path) -> list[dict[str, str]]:
    """Navigation entries for the notebooks: ``{title: path}``, path relative to ``docs_dir``."""
    entries = []
    for path in sorted((docs_dir / "notebooks").glob("*.py")):
        heading = re.search(r"^# # (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        title = heading.group(1).strip() if heading else path.stem
        entries.append({title: path.relative_to(docs_dir).as_posix()})
    return entries


def on_config(config: Any, **kwargs: Any) -> Any:
    """Fill the navigation's "Notebooks" section."""
    for entry in config["nav"] or []:
        if isinstance(entry, dict) and SECTION in entry:
            entry[SECTION] = notebooks(Path(config["docs_dir"]))
    return config
