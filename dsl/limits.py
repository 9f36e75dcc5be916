"""Safety limits on input (TT006), so that a hostile or broken file is refused quickly.

Input: optional overrides from configuration. Output: a frozen `Limits` value every reader uses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1024 * 1024  # 1 MiB: the largest real procedure file is a few kB
    max_depth: int = 64  # nesting of YAML collections or DSL blocks
    max_yaml_nodes: int = 200_000  # nodes after alias expansion ("billion laughs")
    max_steps: int = 2_000  # steps in one procedure


DEFAULT_LIMITS = Limits()
