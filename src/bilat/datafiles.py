"""Read bilat's packaged data files (src/bilat/data/*.yaml): one parser, parsed once.

libyaml's C loader is used when PyYAML was built with it (about 8x faster on the gazetteer);
otherwise the pure-Python safe loader. Both are safe loaders: no arbitrary objects.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["parse_yaml", "read_data"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML text with the fastest safe loader available."""
    return yaml.load(text, Loader=_Loader)


@cache
def read_data(name: str) -> Any:
    """The parsed content of `bilat/data/<name>` (e.g. 'events.yaml', 'gazetteer/roles.yaml')."""
    return parse_yaml(
        resources.files("bilat").joinpath("data", *Path(name).parts).read_text("utf-8")
    )
