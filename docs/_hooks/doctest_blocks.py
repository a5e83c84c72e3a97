"""A griffe extension for the documentation site: docstring examples become code blocks.

The library's docstrings carry doctests (``>>>`` lines and their expected output) that the test
suite runs. Rendered as Markdown they would read as quotations and reference links, so this
extension wraps each run of example lines, with the output that follows, in a ``pycon`` fence.
"""

from __future__ import annotations

from typing import Any

import griffe


def _fence(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += ["```pycon", *block, "```"]
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctest examples of every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = _fence(obj.docstring.value)
