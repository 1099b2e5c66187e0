"""A module imported on first use, for pages that need a heavy library only on some paths.

``pandas`` alone adds ~80 MiB and most of a second to a process's first page (issue 19): the
Partner guide, Workshop and Workspace pages build a table only after a search, in a room, or once
signed in, so they name pandas through :data:`pandas` and it is imported when first touched::

    if TYPE_CHECKING:
        import pandas as pd
    else:
        from ui.lazy import pandas as pd
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name``: the first attribute read imports it (Python's own import
    lock makes that safe between sessions); every read after that is the module's own."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"


pandas = LazyModule("pandas")
