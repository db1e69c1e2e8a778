"""Start-up settings that must be made before pydantic builds its first validator.

pydantic looks for plugins when it builds its first validator: its loader imports
importlib.metadata (~16 ms) and reads every installed package's metadata (~8 ms more).
We use no plugins, so unless the user has set PYDANTIC_DISABLE_PLUGINS to something of their
own, plugins are switched off (pydantic's documented variable) and the loader is replaced by
one that says "no plugins" without those imports. Only the entry points (cli.main) call this;
tests/test_startup.py builds a validator through it and checks both effects."""

from __future__ import annotations

import os
import sys
import types

_LOADER = "pydantic.plugin._loader"


def skip_pydantic_plugins() -> None:
    if os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__") != "__all__":
        return  # the user's own choice of plugins: pydantic's loader reads it as usual
    if _LOADER not in sys.modules:
        loader = types.ModuleType(_LOADER, "No pydantic plugins (see kompetencedialog_desktop.startup).")
        loader.get_plugins = lambda: ()
        sys.modules[_LOADER] = loader
