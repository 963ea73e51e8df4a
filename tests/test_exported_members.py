"""The public API is explicit: `bilat.__all__` and each stage package's `__all__` name objects
that exist, are importable, and are defined by bilat itself (httpx's test_exported_members)."""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version
from types import ModuleType

import pytest

import bilat

STAGES = ("bilat.ingest", "bilat.extract", "bilat.reconcile", "bilat.store", "bilat.evaluate")
PACKAGES = ("bilat", *STAGES, "bilat.config")


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


@pytest.mark.parametrize("name", PACKAGES)
def test_package_declares_all(name: str) -> None:
    exported = getattr(_module(name), "__all__", None)
    assert isinstance(exported, list | tuple) and exported, f"{name} has no __all__"
    assert all(isinstance(member, str) for member in exported)
    assert len(set(exported)) == len(exported), f"{name}.__all__ has duplicates"


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_member_exists(name: str) -> None:
    module = _module(name)
    missing = [member for member in module.__all__ if not hasattr(module, member)]
    assert not missing, f"{name}.__all__ names {missing}, which do not exist"


@pytest.mark.parametrize("name", PACKAGES)
def test_star_import_gives_exactly_all(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)
    namespace.pop("__builtins__")
    assert set(namespace) == set(_module(name).__all__)


@pytest.mark.parametrize("name", PACKAGES)
def test_exported_classes_and_functions_are_bilat_s_own(name: str) -> None:
    module = _module(name)
    foreign = [
        member
        for member in module.__all__
        if (inspect.isclass(obj := getattr(module, member)) or inspect.isfunction(obj))
        and not obj.__module__.startswith("bilat")
    ]
    assert not foreign, f"{name} re-exports {foreign} from other packages"


@pytest.mark.parametrize("name", PACKAGES)
def test_exported_names_are_public(name: str) -> None:
    private = [m for m in _module(name).__all__ if m.startswith("_") and m != "__version__"]
    assert not private


def test_root_exports_are_the_stage_objects() -> None:
    assert bilat.Store is _module("bilat.store").Store
    assert bilat.open_store is _module("bilat.store").open_store
    assert bilat.load_options is _module("bilat.config").load_options
    assert bilat.Options is _module("bilat.config").Options


def test_root_exports_the_pipeline_records() -> None:
    records = _module("bilat.records")
    for name in ("Article", "CleanDocument", "Document", "Extraction", "Evidence"):
        assert name in bilat.__all__
        assert getattr(bilat, name) is getattr(records, name)


def test_version_is_the_installed_distribution_version() -> None:
    assert bilat.__version__ == version("bilat")


@pytest.mark.parametrize("name", STAGES)
def test_stage_entry_points_are_exported(name: str) -> None:
    """Each stage exposes at least one callable: the function the CLI calls."""
    module = _module(name)
    assert any(
        callable(getattr(module, m)) and not inspect.isclass(getattr(module, m))
        for m in module.__all__
    ), f"{name} exports no function"
