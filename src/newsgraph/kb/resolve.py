"""Entity resolution across documents: every (entity, document) pair → one canonical entity.

The extractor merges the names of one document ("Putin" joins "Vladimir Putin"), but
``entities`` rows are shared by name, so a bare "Putin" elsewhere is a row of its own.
Two levels of decisions, each stored with its rule, score and evidence (``store/schema_kb.py``):

1. **Names** (per entity row, :func:`cluster_block`), blocked by kind and surname so only
   names sharing a surname are compared. Leading titles and country words are dropped
   (``title+name``: "Russian President Vladimir Putin"); equal names join
   (``same-full-name``); a full name joins the one full name it agrees with on first and
   last name (``first+last-name``, ``initial+surname``). A surname, or a name that ends a
   longer one of its block ("La Riva"), is *partial*.
2. **Partial names** (per document, :func:`decide_partial`) link to the full name of their
   block that the document supports: a shared title (``title+surname``), the surname used
   for that person in other documents (``alias-table``), the same country
   (``surname+country``), or being the only one (``unique-surname``). A candidate of another
   country is never taken, so two "Johnson"s of different countries stay apart; a tie keeps
   the surname as an entity of its own, keyed by its country.

Canonical ids derive from kind and normalized name (plus country for an unresolved surname),
so they do not depend on ingest order. :func:`resolve_documents` runs after each batch,
:func:`resolve_new` catches up; :func:`newsgraph.kb.rebuild.rebuild_kb` rebuilds in one pass.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.core.textnorm import name_words
from newsgraph.kb.events import resolve_events
from newsgraph.kb.members import (
    Candidate,
    Member,
    add_features,
    block_candidates,
    drop_orphans,
    load_members,
    name_rows,
    recount_features,
    unresolved,
)
from newsgraph.lexicon.countries import country_code
from newsgraph.lexicon.known_orgs import org_key
from newsgraph.lexicon.titles import find_titles, is_modifier, lookup_title, max_title_words, title_words, titles
from newsgraph.store.locks import RESOLUTION, exclusive
from newsgraph.store.schema import entities
from newsgraph.store.schema_kb import (
    canonical_entities,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    kb_resolved_documents,
    require_kb,
)
from newsgraph.store.sql import chunked, insert_ignore, insert_rows

PERSON = "person"

# Rule scores: how sure a rule is that two names are one entity, set by hand from the merges seen
# on the seed + Wikinews 2019-2020 corpus; they order the rules, nothing is thresholded on them.
# Rules that keep a name as its own entity ("own-name", "surname-only", ...) score 1.0.
SCORES = {"title+name": 0.95, "first+last-name": 0.85, "initial+surname": 0.75}
# Partial names: score = BASE + STEP * evidence points (title 2, alias 1, country 1), capped.
PARTIAL_BASE, PARTIAL_STEP, PARTIAL_CAP = 0.5, 0.1, 0.95
_TITLE_POINTS, _ALIAS_POINTS, _COUNTRY_POINTS = 2, 1, 1
# A tie is broken for the candidate the surname named in this many times more documents than the
# next ("Trump": Donald Trump 39, Mary Trump 1, in the Wikinews 2019-2020 sample).
DOMINANCE = 5


# ----------------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class NameInfo:
    kind: str
    name: str  # as stored in ``entities``
    display: str  # without the leading title and country words
    tokens: tuple[str, ...]
    stripped: str = ""  # the words dropped ("Russian President")

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def block(self) -> str:
        if self.kind == PERSON and self.tokens:
            return f"{PERSON}|{self.tokens[-1]}"
        return f"{self.kind}|{self.key}"


@lru_cache(maxsize=65536)
def analyze_name(kind: str, name: str) -> NameInfo:
    """Comparison form of a stored name: persons lose leading titles and country words."""
    if kind == "country":
        return NameInfo(kind, name, name, (name.upper(),))
    if kind != PERSON:
        key = org_key(name)
        return NameInfo(kind, name, name, (key,) if key else ("",))
    words = name.split()
    start = _title_prefix(words)
    display = " ".join(words[start:])
    tokens = name_words(display) or name_words(name) or ("",)
    return NameInfo(kind, name, display, tokens, " ".join(words[:start]))


def _title_prefix(words: list[str]) -> int:
    """How many leading words are titles, title modifiers or a country word before a title."""
    i = 0
    limit = len(words) - 1  # a name keeps at least one word
    longest = max_title_words()
    while i < limit:
        step = 0
        for n in range(min(longest, limit - i), 0, -1):
            t = lookup_title(title_words(" ".join(words[i : i + n])))
            if t is not None:
                step = n
                break
        if not step and country_code(words[i]) and i + 1 < limit and _starts_title(words[i + 1 :]):
            step = 1
        if not step:
            break
        i += step
    return i


def _starts_title(words: list[str]) -> bool:
    found = find_titles(title_words(" ".join(words[:4])))
    return (bool(found) and found[0][0] == 0) or (bool(words) and is_modifier(words[0]))


@lru_cache(maxsize=65536)
def role_key(role: str | None) -> str | None:
    """A role as written → its comparison key: the last title with the modifiers right before it.

    ``"Russian president"`` → ``"president"``, ``"Deputy Prime Minister"`` → ``"deputy prime minister"``.
    """
    if not role:
        return None
    words = title_words(role)
    found = [(s, e, t) for s, e, t in find_titles(words) if t.kind == "title"]
    if not found:
        return None
    start, _end, title = found[-1]
    mods: list[str] = []
    i = start - 1
    while i >= 0 and is_modifier(words[i]) and not titles()[(words[i],)].sector:
        mods.insert(0, words[i])
        i -= 1
    return " ".join([*mods, title.phrase])


def canonical_id(kind: str, key: str, country: str | None = None) -> str:
    """Stable id of a canonical entity: kind + normalized name (+ country for an unresolved surname)."""
    return hashlib.sha1(f"canonical|{kind}|{key}|{country or ''}".encode()).hexdigest()[:16]


# ------------------------------------------------------------------------- level 1: blocks


@dataclass(frozen=True, slots=True)
class NameDecision:
    partial: bool
    canonical_key: str | None  # None for a partial name
    canonical_name: str | None
    rule: str
    score: float
    evidence: str


def _initial(token: str) -> bool:
    return len(token) == 1


def _first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return (_initial(a) or _initial(b)) and a[0] == b[0]


def _compatible(t: tuple[str, ...], r: tuple[str, ...]) -> bool:
    """Same last name, agreeing first names, the shorter's middle names found in the longer's."""
    if t == r or len(t) < 2 or len(r) < 2 or t[-1] != r[-1] or not _first_compatible(t[0], r[0]):
        return False
    short, long_ = (t, r) if len(t) <= len(r) else (r, t)
    rest = list(long_[1:-1])
    for token in short[1:-1]:
        match = next((x for x in rest if _first_compatible(token, x)), None)
        if match is None:
            return False
        rest.remove(match)
    return True


def _is_partial(t: tuple[str, ...], keys: Iterable[tuple[str, ...]]) -> bool:
    return len(t) == 1 or any(len(u) > len(t) and u[-len(t) :] == t for u in keys)


def cluster_block(names: Mapping[str, NameInfo]) -> dict[str, NameDecision]:
    """Decisions for the names of one block (entity id → decision); a pure function of the set."""
    out: dict[str, NameDecision] = {}
    if not names:
        return out
    kind = next(iter(names.values())).kind
    displays: dict[tuple[str, ...], list[str]] = {}
    for info in names.values():
        displays.setdefault(info.tokens, []).append(info.display)
    keys = sorted(displays)
    if kind != PERSON:
        for eid, info in names.items():
            name = min(displays[info.tokens])
            out[eid] = NameDecision(False, info.key, name, "same-name", SCORES.get("same-name", 1.0), f"name {name!r}")
        return out
    full = [t for t in keys if not _is_partial(t, keys)]
    full.sort(key=lambda t: (_initial(t[0]), len(t), t))
    rep_of: dict[tuple[str, ...], tuple[tuple[str, ...], str, str]] = {}
    reps: list[tuple[str, ...]] = []
    for t in full:
        compat = [r for r in reps if _compatible(t, r)]
        if len(compat) == 1:
            r = compat[0]
            rule = "initial+surname" if _initial(t[0]) != _initial(r[0]) else "first+last-name"
            rep_of[t] = (r, rule, f"{' '.join(t)!r} agrees with {' '.join(r)!r} on first and last name")
            continue
        reps.append(t)
        why = "canonical name"
        if compat:
            why = "own name: compatible with " + ", ".join(repr(" ".join(r)) for r in compat)
        rep_of[t] = (t, "own-name" if compat else "same-full-name", why)
    for eid, info in names.items():
        if info.tokens not in rep_of:
            out[eid] = NameDecision(True, None, None, "partial", 0.0, "surname or end of a longer name")
            continue
        rep, rule, why = rep_of[info.tokens]
        if rule == "same-full-name" and info.stripped:
            rule, why = "title+name", f"{info.stripped!r} dropped from {info.name!r}"
        elif rule == "same-full-name" and info.display != min(displays[rep]):
            why = f"same name as {min(displays[rep])!r}"
        out[eid] = NameDecision(False, " ".join(rep), min(displays[rep]), rule, SCORES.get(rule, 1.0), why)
    return out


# ------------------------------------------------------------------- level 2: partial names


@dataclass(frozen=True, slots=True)
class LinkDecision:
    canonical_id: str
    canonical_key: str
    canonical_name: str
    rule: str
    score: float
    evidence: str
    resolved: bool = True


def decide_partial(
    info: NameInfo, country: str | None, roles: Iterable[str], candidates: Sequence[Candidate]
) -> LinkDecision:
    """The canonical entity a partial name refers to in one document (pure; candidates sorted by id)."""
    roles = frozenset(r for r in (*roles, role_key(info.stripped)) if r)
    t = info.tokens
    scored: list[tuple[int, str, Candidate, list[str]]] = []
    for c in candidates:
        if len(c.tokens) <= len(t) or c.tokens[-len(t) :] != t:
            continue
        if country and c.country and country != c.country:
            continue
        points, why, rule = 0, [], "unique-surname"
        if country and c.country == country:
            points, rule = points + _COUNTRY_POINTS, "surname+country"
            why.append(f"same country {country}")
        if info.key in c.aliases:
            points, rule = points + _ALIAS_POINTS, "alias-table"
            why.append(f"{info.display!r} names {c.name!r} in other documents")
        shared = sorted(roles & c.roles)
        if shared:
            points, rule = points + _TITLE_POINTS, "title+surname"
            why.insert(0, f"shared title {shared[0]!r}")
        scored.append((points, rule, c, why))
    scored.sort(key=lambda s: -s[0])
    top = sorted((s for s in scored if s[0] == scored[0][0]), key=lambda s: -s[2].alias_count(info.key))
    if len(top) > 1 and top[0][2].alias_count(info.key) >= DOMINANCE * max(top[1][2].alias_count(info.key), 1):
        points, _, c, why = top[0]  # a tie, but the surname named one of them far more often
        n = [x[2].alias_count(info.key) for x in top[:2]]
        scored = [(points, "alias-table", c, [*why, f"named so in {n[0]} documents, the next in {n[1]}"])]
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        points, rule, c, why = scored[0]
        others = f"; {len(scored) - 1} other candidate(s)" if len(scored) > 1 else ""
        score = round(min(PARTIAL_CAP, PARTIAL_BASE + PARTIAL_STEP * points), 2)
        evidence = f"{info.display!r} → {c.name!r}: " + ("; ".join(why) or "only full name with this surname")
        return LinkDecision(c.canonical_id, " ".join(c.tokens), c.name, rule, score, evidence + others)
    rule = "ambiguous-surname" if scored else "surname-only"
    evidence = (
        f"{len(scored)} equally likely: " + ", ".join(repr(s[2].name) for s in scored[:5])
        if scored
        else "no full name with this surname"
    )
    return LinkDecision(canonical_id(info.kind, info.key, country), info.key, info.name, rule, 1.0, evidence, False)


def alias_rule(entity: NameInfo, alias_tokens: tuple[str, ...]) -> str:
    """Rule name for a name the extractor merged with ``entity`` inside one document."""
    t = entity.tokens
    if len(alias_tokens) < len(t) and t[-len(alias_tokens) :] == alias_tokens:
        return "surname-alias-in-document"
    return "alias-in-document"


# ------------------------------------------------------------------------- the database


@dataclass(slots=True)
class ResolveSummary:
    documents: int = 0  # documents resolved now
    members: int = 0  # (entity, document) pairs linked
    relinked: int = 0  # existing links moved to another canonical entity
    events: int = 0  # event reports placed in merged events

    def add(self, other: ResolveSummary) -> None:
        for name in ("documents", "members", "relinked", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def member_roles(m: Member) -> dict[str, str]:
    """Role key → role as written, for the roles a member had in its document."""
    out: dict[str, str] = {}
    for role in m.roles:
        key = role_key(role)
        if key:
            out.setdefault(key, role)
    return out


def member_aliases(m: Member) -> dict[str, tuple[str, str, int, int]]:
    """Other names of a member in its document (persons and organizations): key → text, sentence, span."""
    if m.kind not in (PERSON, "organization"):
        return {}
    own = alias_key(m.kind, m.name)
    out: dict[str, tuple[str, str, int, int]] = {}
    for text, sentence, start, end in m.texts:
        key = alias_key(m.kind, text)
        if key is not None and key != own:
            out.setdefault(key, (text, sentence, start, end))
    return out


@lru_cache(maxsize=262_144)
def alias_key(kind: str, text: str) -> str | None:
    """A person's or organization's name as written → the key its aliases are compared on: its name words
    joined (persons; None when it has none) or its organization key (cached: names recur across documents)."""
    if kind == PERSON:
        return " ".join(name_words(text)) or None
    return org_key(text)


@dataclass(slots=True)
class _State:
    moved: set[str] = field(default_factory=set)  # canonical entities that lost links (maybe orphans)
    refeature: set[str] = field(default_factory=set)  # canonical entities whose full names changed
    affected: set[str] = field(default_factory=set)  # documents whose links changed (events re-merged)
    canonical: dict[str, dict[str, Any]] = field(default_factory=dict)  # rows to create when missing
    relinked: int = 0

    def want(self, cid: str, info: NameInfo, name: str, key: str) -> None:
        self.canonical.setdefault(
            cid, {"id": cid, "kind": info.kind, "name": name, "name_key": key, "block": info.block}
        )

    def move(self, conn: Connection, entity: str, old: str, new: str, docs: Iterable[str] | None = None) -> None:
        """Point the roles of an entity's moved links (in ``docs``, or all) at their new canonical entity."""
        rc = entity_roles.c
        if docs is None:
            docs = conn.execute(select(entity_links.c.document_id).where(entity_links.c.entity_id == entity)).scalars()
        for part in chunked(sorted(set(docs))):
            where = (rc.entity_id == entity, rc.document_id.in_(part))
            conn.execute(entity_roles.update().where(*where).values(canonical_id=new))
            self.affected.update(part)
        self.moved.add(old)
        self.relinked += 1

    def flush(self, conn: Connection) -> None:
        insert_ignore(conn, canonical_entities, [self.canonical[k] for k in sorted(self.canonical)])
        self.canonical.clear()


def resolve_documents(conn: Connection, doc_ids: Iterable[str]) -> ResolveSummary:
    """Resolve the entities and events of these documents (skipping those already resolved)."""
    exclusive(conn, RESOLUTION)  # one resolution at a time: each reads what the last wrote
    require_kb(conn)
    summary = ResolveSummary()
    todo = unresolved(conn, doc_ids)
    if not todo:
        return summary
    members = load_members(conn, todo)
    state = _State()
    redecide = _resolve_names(conn, members, state)
    names = name_rows(conn, {m.entity_id for m in members})
    full = [(m, names[m.entity_id]) for m in members if not names[m.entity_id].partial]
    recount_features(conn, state.refeature)
    counts: Counter[tuple[str, str, str]] = Counter()
    for m, n in full:  # what a surname alone is matched against: the features of full names
        counts.update((n.canonical_id, "role", k) for k in member_roles(m))
        counts.update((n.canonical_id, "alias", k) for k in member_aliases(m))
        counts.update([(n.canonical_id, "country", m.country)] if m.country else [])
    changed = add_features(conn, counts)
    redecide |= {n.block for _, n in full if n.canonical_id in changed}
    aliases = _alias_rows(members)
    insert_ignore(conn, entity_alias_links, aliases)
    insert_rows(conn, entity_links, [_link_row(m, n.canonical_id, n.rule, n.score, n.evidence) for m, n in full])
    insert_rows(conn, entity_roles, _role_rows([(m, n.canonical_id) for m, n in full]))
    _link_partial(conn, [m for m in members if names[m.entity_id].partial], redecide, state)
    drop_orphans(conn, state.moved)
    now = datetime.now(UTC)
    insert_rows(conn, kb_resolved_documents, [{"document_id": d, "resolved_at": now} for d in todo])
    summary.events = resolve_events(conn, sorted(set(todo) | state.affected))
    summary.documents, summary.members, summary.relinked = len(todo), len(members), state.relinked
    return summary


def resolve_new(conn: Connection, *, batch: int = 500) -> ResolveSummary:
    """Resolve every stored document not resolved yet, oldest first, ``batch`` documents at a time."""
    exclusive(conn, RESOLUTION)  # one resolution at a time: each reads what the last wrote
    require_kb(conn)
    summary = ResolveSummary()
    for part in chunked(unresolved(conn), batch):
        summary.add(resolve_documents(conn, part))
    return summary


def _resolve_names(conn: Connection, members: list[Member], state: _State) -> set[str]:
    """Level 1 for the blocks that get a new name; returns the blocks whose partial names need re-deciding."""
    batch = {m.entity_id: analyze_name(m.kind, m.name) for m in members}
    known = name_rows(conn, batch)
    blocks: dict[str, dict[str, NameInfo]] = {}
    for eid, info in batch.items():
        if eid not in known:
            blocks.setdefault(info.block, {})[eid] = info
    redecide: set[str] = set()
    n, lk, ce = entity_names.c, entity_links.c, canonical_entities.c
    olds: dict[str, dict[str, Any]] = {b: {} for b in blocks}
    q = select(entity_names, entities.c.name).join(entities, entities.c.id == n.entity_id)
    for part in chunked(sorted(blocks)):
        for r in conn.execute(q.where(n.block.in_(part))):
            olds[r.block][r.entity_id] = r
    names: dict[str, str] = {}  # current names of the canonical entities these blocks already have
    for part in chunked(sorted({r.canonical_id for old in olds.values() for r in old.values() if r.canonical_id})):
        names.update(conn.execute(select(ce.id, ce.name).where(ce.id.in_(part))).all())
    inserts = []
    for block in sorted(blocks):
        old = olds[block]
        infos = {eid: analyze_name(r.kind, r.name) for eid, r in old.items()} | blocks[block]
        decisions = cluster_block(infos)
        ids = {e: canonical_id(infos[e].kind, d.canonical_key) for e, d in decisions.items() if d.canonical_key}
        if {r.canonical_id for r in old.values() if not r.partial} != set(ids.values()):
            redecide.add(block)
        for eid, d in sorted(decisions.items()):
            cid, info, prev = ids.get(eid), infos[eid], old.get(eid)
            if cid is not None and d.canonical_name is not None:
                state.want(cid, info, d.canonical_name, d.canonical_key or "")
                if cid in names and names[cid] != d.canonical_name:
                    conn.execute(canonical_entities.update().where(ce.id == cid).values(name=d.canonical_name))
                    names[cid] = d.canonical_name
            row = {"partial": d.partial, "canonical_id": cid, "rule": d.rule, "score": d.score, "evidence": d.evidence}
            if prev is None:
                inserts.append(row | {"entity_id": eid, "kind": info.kind, "block": block, "name_key": info.key})
                continue
            if (prev.partial, prev.canonical_id, prev.rule, prev.evidence) == (d.partial, cid, d.rule, d.evidence):
                continue
            conn.execute(entity_names.update().where(n.entity_id == eid).values(**row))
            if not prev.partial and prev.canonical_id != cid:
                state.refeature.update(x for x in (prev.canonical_id, cid) if x)
            if d.partial:
                redecide.add(block)  # its links are re-decided per document
                continue
            link = {"canonical_id": cid, "rule": d.rule, "score": d.score, "evidence": d.evidence}
            conn.execute(entity_links.update().where(lk.entity_id == eid).values(**link))
            if prev.canonical_id != cid:
                state.move(conn, eid, prev.canonical_id, str(cid))
    state.flush(conn)
    insert_rows(conn, entity_names, inserts)
    return redecide


def _link_row(m: Member, cid: str, rule: str, score: float, evidence: str | None) -> dict[str, Any]:
    key = {"entity_id": m.entity_id, "document_id": m.document_id, "canonical_id": cid}
    extra = {"mentions": m.mentions, "country": m.country, "published": m.published}
    extra["signature"] = "|".join(sorted(member_roles(m)))  # the roles a surname alone is decided on
    return key | extra | {"rule": rule, "score": score, "evidence": evidence}


def _role_rows(pairs: Sequence[tuple[Member, str]]) -> list[dict[str, Any]]:
    return [
        {"entity_id": m.entity_id, "document_id": m.document_id, "role_key": key, "canonical_id": cid}
        | {"role": text, "published": m.published}
        for m, cid in pairs
        for key, text in member_roles(m).items()
    ]


def _alias_rows(members: list[Member]) -> list[dict[str, Any]]:
    """One row per (entity, alias) of this batch, with its first document (a known pair is kept as it is)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for m in members:
        for key, (text, sentence, start, end) in member_aliases(m).items():
            rule = alias_rule(analyze_name(m.kind, m.name), tuple(key.split()) if m.kind == PERSON else (key,))
            rows.setdefault(
                (m.entity_id, key),
                {"entity_id": m.entity_id, "alias_key": key, "alias": text, "rule": rule, "document_id": m.document_id}
                | {"sentence": sentence, "start": start, "end": end},
            )
    return [rows[k] for k in sorted(rows)]


def _candidates(conn: Connection, blocks: set[str]) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {b: [] for b in blocks}
    for c in block_candidates(conn, blocks):
        out.setdefault(c.block, []).append(c)
    return out


def _link_partial(conn: Connection, new: list[Member], redecide: set[str], state: _State) -> None:
    """Level 2: decide the partial names of new documents, and re-decide those of blocks that changed."""
    blocks = {analyze_name(m.kind, m.name).block for m in new} | redecide
    if not blocks:
        return
    candidates = _candidates(conn, blocks)
    n, lk = entity_names.c, entity_links.c
    group = (lk.entity_id, lk.country, lk.signature, lk.canonical_id, lk.rule, lk.evidence)
    for part in chunked(sorted(redecide)):  # links with the same name, country and roles are decided once
        q = (
            select(*group, entities.c.kind, entities.c.name, n.block)
            .join(entity_names, n.entity_id == lk.entity_id)
            .join(entities, entities.c.id == lk.entity_id)
            .where(n.block.in_(part), n.partial.is_(True))
            .group_by(*group, entities.c.kind, entities.c.name, n.block)
        )
        for r in conn.execute(q).all():
            info = analyze_name(r.kind, r.name)
            roles = r.signature.split("|") if r.signature else ()
            d = decide_partial(info, r.country, roles, candidates[r.block])
            if (d.canonical_id, d.rule, d.evidence) == (r.canonical_id, r.rule, r.evidence):
                continue
            state.want(d.canonical_id, info, d.canonical_name, d.canonical_key)
            where = [c.is_not_distinct_from(getattr(r, c.name)) for c in group]
            if d.canonical_id != r.canonical_id:
                docs = list(conn.execute(select(lk.document_id).where(*where)).scalars())
                state.move(conn, r.entity_id, r.canonical_id, d.canonical_id, docs)
            values = {"canonical_id": d.canonical_id, "rule": d.rule, "score": d.score, "evidence": d.evidence}
            conn.execute(entity_links.update().where(*where).values(**values))
    rows, pairs = [], []
    for m in new:
        info = analyze_name(m.kind, m.name)
        d = decide_partial(info, m.country, member_roles(m), candidates.get(info.block, []))
        state.want(d.canonical_id, info, d.canonical_name, d.canonical_key)
        rows.append(_link_row(m, d.canonical_id, d.rule, d.score, d.evidence))
        pairs.append((m, d.canonical_id))
    state.flush(conn)
    insert_rows(conn, entity_links, rows)
    insert_rows(conn, entity_roles, _role_rows(pairs))
