"""The entry point's start-up settings (startup.py), in a fresh interpreter: pydantic still
builds and runs validators, finds no plugins, and never imports importlib.metadata for it."""

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
from kompetencedialog_desktop.startup import skip_pydantic_plugins
skip_pydantic_plugins()
from pydantic import BaseModel, ValidationError
class Probe(BaseModel):
    n: int
ok = Probe.model_validate({"n": "3"}).n == 3
try:
    Probe.model_validate({"n": "tre"})
    ok = False
except ValidationError:
    pass
from pydantic.plugin._loader import get_plugins
print(json.dumps({"ok": ok, "plugins": len(list(get_plugins())), "metadata": "importlib.metadata" in sys.modules}))
"""


def _probe(**env_extra):
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(env_extra)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_validators_work_without_the_plugin_search():
    assert _probe() == {"ok": True, "plugins": 0, "metadata": False}


def test_a_users_own_plugin_setting_is_left_to_pydantic():
    # Only the named plugin is off: pydantic's own loader runs and reads the packages' metadata.
    assert _probe(PYDANTIC_DISABLE_PLUGINS="some-plugin") == {"ok": True, "plugins": 0, "metadata": True}
