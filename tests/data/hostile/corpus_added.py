"""Hostile cases added with the fixes of issue 15: the general causes, tried another way than
the first corpus tries them (a fix for a case must fix its kind)."""

from __future__ import annotations

