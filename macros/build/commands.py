"""What `cspsite build --engine zensical`, `--shard` and `cspsite merge` do (cli.py parses them)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path


def zensical(config: str, extra: list[str], env: dict) -> int:
    """Zensical (optional: pip install 'cspsite[zensical]') builds the same mkdocs.yml and data."""
    if importlib.util.find_spec("zensical") is None:
        print("cspsite: Zensical is not installed; install it with: pip install -e '.[zensical]'",
              file=sys.stderr)
        return 2
    return subprocess.call([sys.executable, "-m", "macros.build.zensical", "--config",
                            str(Path(config).resolve()), *extra], env=env)


def set_shard(shard: str, engine: str) -> str | None:
    """Let the build know its share; a problem with the request is returned, to be printed."""
    from macros.build.shards import SHARD_ENV, ShardError, parse

    try:
        parse(shard)
    except ShardError as exc:
        return str(exc)
    if engine != "mkdocs":
        return "--shard works with the mkdocs engine only"
    os.environ[SHARD_ENV] = shard
    return None


def merge(shards: list[str], site_dir: str, env: dict) -> int:
    from macros.build.shards import ShardError
    from macros.build.shards import merge as join

    os.environ["SOURCE_DATE_EPOCH"] = env["SOURCE_DATE_EPOCH"]  # the sitemap's gzip header, as built
    try:
        join([Path(d).resolve() for d in shards], Path(site_dir).resolve())
    except (ShardError, OSError) as exc:
        print(f"cspsite merge: {exc}", file=sys.stderr)
        return 1
    print(f"Merged {len(shards)} shards into {site_dir}.")
    return 0
