"""Change the stored record in place: remove some entries, add others, keep every count right.

    patch_record(db, patch, source)   apply a RecordPatch in one transaction

Each new entry goes between its neighbours by sort key (`bilat.store.record_order`), at a
position inside the gap they leave, so no kept row is rewritten; a part listed in `whole` is
replaced entirely, save the commitments: numbered as a full write numbers them, only the
rows that differ from the stored ones are written, and of their claims (keyed by content)
only those newly named or no longer named. An agreement history that keeps its id and
every stored statement, only gaining some, stays where it is with its statements' rows and
keys: only the gained ones are written (`bilat.store.agreement_entries`). The maintained counts
(`record_counts` per part and pair, `record_pair_names` per pair and actor name) move by
what was removed and added, and the actors whose pairs change with them are filed again.
When a gap is used up, `NoRoom` is raised and nothing is changed: the caller rebuilds the
record whole (which spaces every position again). The removing and adding entry by entry is
`bilat.store.entry_patch`; the parts patched their own way, `bilat.store.part_patchers`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.pairview import PAIRED
from bilat.store.actor_members import drop_members
from bilat.store.db import Database, now_iso
from bilat.store.entry_patch import ActorRows, PartPatch
from bilat.store.part_patchers import Patcher

__all__ = ["RecordPatch", "patch_record"]


@dataclass(frozen=True, slots=True)
class RecordPatch:
    parts: Mapping[str, PartPatch]
    whole: Mapping[str, Sequence[dict[str, Any]]] = field(default_factory=dict)
    actor_ids: Mapping[str, Sequence[str]] = field(default_factory=dict)  # name -> actor ids
    # actor id -> how an added actor given without its members is written
    actors: Mapping[str, ActorRows] = field(default_factory=dict)


def patch_record(
    db: Database, patch: RecordPatch, source: str | None, version: int | None = None
) -> None:
    """Apply `patch` to the stored record (one transaction) and mark it built from `source`
    and the store's `version` (see `Store.record_is_current`)."""
    order = sorted(
        {*patch.parts, *patch.whole}, key=lambda k: (k not in PAIRED, k == "actors")
    )  # the paired parts first: actors are filed by the names they use
    with db.transaction():
        out = Patcher(db)
        filed: dict[str, list[str]] = {}
        changed: set[str] = set()
        for kind in order:
            if kind == "actors":
                filed, changed = out.file_names()
            if kind == "commitments" and kind in patch.whole:
                out.commitments(patch.whole[kind])
                continue
            if kind in patch.whole:
                out.whole(kind, patch.whole[kind])
                continue
            part = patch.parts[kind]
            if kind == "series":
                out.series(part)
                continue
            if kind == "agreements":
                out.agreements(part)
                continue
            out.remove_keys(kind, part.removed)
            names = _names(part.added) if kind == "actors" else set()
            if kind == "actors":  # the members of those removed, but of those that grew
                kept = {i for i, rows in patch.actors.items() if not rows.rewrite}
                drop_members(db, {str(a.get("id")) for a in part.removed} - kept)
            out.add(kind, part.added, {n: out.pairs_of_name(n) for n in names}, patch.actors)
        if "actors" not in order:
            filed, changed = out.file_names()
        readded = {str(a.get("id")) for a in _added(patch, "actors")}
        stay = {i for n in changed for i in patch.actor_ids.get(n, ()) if i not in readded}
        out.refile(stay, filed)
        out.counts()
        docs = [int(d["doc_id"]) for d in _added(patch, "documents")]
        out.keys.finish(docs)  # the pages' keys (refs, names, counts) follow the rows
        db.execute(
            "UPDATE record_meta SET built_at = ?, source = ?, version = ? WHERE id = 1",
            (now_iso(), source, version),
        )


def _names(items: Iterable[dict[str, Any]]) -> set[str]:
    return {str(item.get("name")) for item in items}


def _added(patch: RecordPatch, kind: str) -> Sequence[dict[str, Any]]:
    part = patch.parts.get(kind)
    return part.added if part else ()
