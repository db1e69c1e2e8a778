"""A compact cache of the validated content (boards, cards, guides) under the user's cache folder.

Validating the content means building pydantic validators first, which is most of what the
start screen costs (~30 ms of ~60). The content only changes with a new version, so what was
validated once is kept as plain JSON and rebuilt without validation next time, but only when
it was made from exactly the same bytes by exactly the same code: the key is a hash of the
content files, of the source of the models and checks, and of the pydantic and app versions.
The entry's own hash catches a damaged file. Anything else (no entry, another key, unreadable,
a bundle without sources to hash) falls back to validating the files, as before; the cache is
then rewritten. It never writes outside the cache folder and a failed write changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import types
import typing
from importlib.util import find_spec
from pathlib import Path
from typing import Callable, TypeVar

from pydantic import BaseModel

from .. import __version__
from ..paths import user_cache_dir

M = TypeVar("M", bound=BaseModel)
CACHE_FORMAT = 1
# Where the rules live: a change to any of them must invalidate what they once approved.
_RULE_MODULES = (
    "kompetencedialog_desktop.model.content",
    "kompetencedialog_desktop.model.guide",
    "kompetencedialog_desktop.storage.content_loader",
    "kompetencedialog_desktop.storage.content_cache",
)


def _code_hash() -> str | None:
    digest = hashlib.sha256()
    for name in _RULE_MODULES:
        module = sys.modules.get(name)
        source = getattr(module, "__file__", None) if module else getattr(find_spec(name), "origin", None)
        if not source or not source.endswith(".py"):
            return None  # no source to hash (e.g. a frozen bundle): do not cache
        try:
            digest.update(Path(source).read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def cache_key(name: str, files: list[Path]) -> str | None:
    import pydantic

    code = _code_hash()
    if code is None:
        return None
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{pydantic.VERSION}|{code}|{name}".encode())
    for path in files:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes())  # OSError: the caller validates and reports as usual
    return digest.hexdigest()


def cached_model(name: str, files: list[Path], model: type[M], validate: Callable[[], M]) -> M:
    """`validate()`'s result for these files, from the cache when it was made from the same bytes."""
    try:
        key = cache_key(name, files)
    except OSError:
        key = None
    if key is None:
        return validate()
    path = user_cache_dir() / "content" / f"{name}.json"
    found = _read(path, key)
    if found is not None:
        try:
            return construct(model, found)
        except (TypeError, ValueError, KeyError, AttributeError):
            pass  # an entry of another shape: validate instead
    value = validate()
    _write(path, key, value.model_dump(mode="json", exclude_unset=True))
    return value


def _read(path: Path, key: str):
    try:
        entry = json.loads(path.read_bytes())
        payload = json.dumps(entry["value"], ensure_ascii=False, sort_keys=True).encode()
        if entry["key"] == key and entry["sha256"] == hashlib.sha256(payload).hexdigest():
            return entry["value"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _write(path: Path, key: str, value) -> None:
    payload = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = json.dumps({"key": key, "sha256": hashlib.sha256(payload.encode()).hexdigest(), "value": value},
                      ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder only costs the validation next time


def construct(model: type[M], data: dict) -> M:
    """Rebuild a model from its own exclude_unset dump without validating (nested models too)."""
    if not isinstance(data, dict) or set(data) - set(model.model_fields):
        raise ValueError(f"not a {model.__name__}")
    values = {name: _value(model.model_fields[name].annotation, raw) for name, raw in data.items()}
    return model.model_construct(_fields_set=set(data), **values)


def _value(annotation, raw):
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return construct(annotation, raw)
    if origin is list:
        return [_value(args[0], item) for item in raw]
    if origin is tuple:
        return tuple(_value(args[0], item) for item in raw)
    if origin is dict:
        return {k: _value(args[1], v) for k, v in raw.items()}
    if origin in (typing.Union, types.UnionType):
        if raw is None:
            return None
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return construct(models[0], raw) if models else raw
    return raw  # str, int, float, bool, Literal: JSON gives them back as they were dumped
