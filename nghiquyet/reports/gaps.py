"""Marked places where people must write, never filled with invented prose."""

from __future__ import annotations


def write_here(label: str) -> str:
    """A marked place where a person must write: "[Nguyên nhân chủ quan: …]"."""
    return f"[{label}: …]"
