"""Search across the series: the listing's Sphinx search index with every paper's own merged in (pure)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

PREFIX = "Search.setIndex("
SUFFIX = ")"
SEARCH_INDEX = "searchindex.js"


def loads(text: str) -> dict[str, Any]:
    if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
        raise ValueError("not a Sphinx search index")
    data: dict[str, Any] = json.loads(text[len(PREFIX) : -len(SUFFIX)])
    return data


def dumps(data: Mapping[str, Any]) -> str:
    # As Sphinx writes it (sphinx.search._JavaScriptIndex): sorted keys, no spaces.
    return PREFIX + json.dumps(data, separators=(",", ":"), sort_keys=True) + SUFFIX


def _shift(value: int | list[int], offset: int) -> int | list[int]:
    return value + offset if isinstance(value, int) else [v + offset for v in value]


def _union(a: int | list[int] | None, b: int | list[int]) -> int | list[int]:
    if a is None:
        return b
    merged = sorted({*([a] if isinstance(a, int) else a), *([b] if isinstance(b, int) else b)})
    return merged[0] if len(merged) == 1 else merged


def merge(site: Mapping[str, Any], papers: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """One index: the site's documents, then each paper's under ``papers/<name>/`` (its pages' links stay right).

    Documents are renumbered; terms, title terms, section titles and index entries follow them. Objects (API
    descriptions) are kept from the site's own index only: papers have none.
    """
    out: dict[str, Any] = {key: (list(value) if isinstance(value, list) else value) for key, value in site.items()}
    for key in ("terms", "titleterms", "alltitles", "indexentries"):
        # Sphinx's incremental build leaves a removed page's words with no page ([]): a clean build has none.
        out[key] = {k: v for k, v in site.get(key, {}).items() if v != []}
    for name in sorted(papers):
        index = papers[name]
        offset = len(out["docnames"])
        out["docnames"] += [f"papers/{name}/{d}" for d in index["docnames"]]
        out["filenames"] += [f"papers/{name}/{f}" for f in index["filenames"]]
        out["titles"] += list(index["titles"])
        for key in ("terms", "titleterms"):
            for term, docs in index.get(key, {}).items():
                out[key][term] = _union(out[key].get(term), _shift(docs, offset))
        for key in ("alltitles", "indexentries"):
            for title, places in index.get(key, {}).items():
                out[key][title] = [*out[key].get(title, []), *([p[0] + offset, *p[1:]] for p in places)]
    return out
