"""The routes Django serves, read from the URL resolver, and the HTTP methods each view has."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

ALL_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Route:
    """A named route: its full pattern text, its URL keyword arguments and its view."""

    name: str
    pattern: str
    kwargs: frozenset[str]
    callback: object

    def allowed_methods(self) -> set[str]:
        """The methods the view implements; every method for a plain function view."""
        view_class = getattr(self.callback, "cls", None) or getattr(
            self.callback, "view_class", None)
        if view_class is None:
            return set(ALL_METHODS)
        return {m for m in ALL_METHODS if hasattr(view_class, m.lower())}


def _walk(patterns: list, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, text, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield Route(name=namespace + entry.name, pattern=text,
                        kwargs=frozenset(entry.pattern.regex.groupindex), callback=entry.callback)


def all_routes() -> list[Route]:
    """Every named route of the project, admin included (its names carry ``admin:``)."""
    return list(_walk(get_resolver().url_patterns, "", ""))


def api_routes() -> list[Route]:
    """The named routes under ``/api/v1/``."""
    return [r for r in all_routes() if r.pattern.startswith("api/v1/")]


def api_id_routes() -> dict[str, Route]:
    """The ``/api/v1/`` routes that name an object in their URL, by route name."""
    return {r.name: r for r in api_routes() if r.kwargs}
