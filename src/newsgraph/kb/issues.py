"""Issues across articles: the per-document issue labels of the stances grouped into one stable issue each.

The stance extractor names each document's issue (:mod:`newsgraph.extract.stance_issue`): "maritime border
agreement (Libya, Turkey)" in one story, "agreement (Libya, Turkey)" in the next. Two labels are one issue
when all of these hold:

- **the same entities**: the countries and names the labels carry (a demonym is its country: "Turkish-Libyan"
  is Libya and Turkey; a parenthesised qualifier lists countries or an acronym; titles such as "Prime
  Minister" are no names), or, for a label naming no country, also the countries whose stances were stored on
  it; one set holds the other, or they share at least half their members;
- **a similar head noun phrase**: the head nouns (the last word before a preposition: "waiver of diplomatic
  immunity" → "waiver") are the same or of one family (:data:`HEAD_FAMILIES`: "deal" is an "agreement",
  "strike" an "attack"), and the phrases' other words are one contained in the other ("agreement" in
  "maritime border agreement") or similar: half the cosine of their word sets plus half the Jaccard of their
  character 3-grams ("border" and "boundary") at least :data:`THRESHOLD`;
- **a time window**: their stances' dates (``stances.date``, else the document's) are at most
  :data:`WINDOW_DAYS` apart (undated rows fit any date).

Identical labels are always one issue: the label is the unit clustered. The similarity is computed on the two
labels alone, with no statistics of the whole base (no IDF), so an issue's cluster does not change as
unrelated documents arrive, and scikit-learn or datasketch are not needed: labels are a few words, and the
candidates are found through the entities they share, so exact set similarity (what MinHash estimates) is
cheap.

Clusters are formed in date order (then label): a label joins the cluster whose member it matches best
(ties: the larger cluster, then the smaller key), else starts one. A cluster's key is a hash of the label
that started it, so it does not change as members join; its label is its most specific member (most words
beside its countries, then most documents, then earliest). :func:`cluster_new` adds the labels not yet
clustered (ingest and ``newsgraph resolve`` call it after each batch); :func:`rebuild_clusters` forms all of
them again (``newsgraph resolve --all``). As with entities, a document older than those clustered before it,
ingested later, can give a different key than a rebuild would.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.lexicon.countries import country_code
from newsgraph.store.schema import documents, stances
from newsgraph.store.schema_kb import issue_cluster_members, issue_clusters
from newsgraph.store.sql import chunked

__all__ = [
    "HEAD_FAMILIES",
    "THRESHOLD",
    "WINDOW_DAYS",
    "IssueClusters",
    "IssueFeatures",
    "IssueInfo",
    "cluster_key",
    "cluster_new",
    "features",
    "match",
    "rebuild_clusters",
]

WINDOW_DAYS = 183  # about six months
THRESHOLD = 0.5
# Head nouns that name the same kind of thing; the first word of each family stands for it.
HEAD_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("agreement", "deal", "accord", "pact", "treaty", "memorandum", "mou"),
    ("attack", "strike", "airstrike", "bombing", "assault", "raid", "shelling"),
    ("operation", "offensive", "incursion", "invasion", "intervention"),
    ("conflict", "war", "fighting", "hostility"),
    ("sanction", "embargo"),
)
_FAMILY = {word: family[0] for family in HEAD_FAMILIES for word in family}
_PREPOSITIONS = frozenset({"of", "for", "between", "with", "in", "on", "against", "to", "over", "from", "by", "at"})
_STOP = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "and", "s", "new", "proposed", "planned"})
# Capitalised words that are no name of their own ("Prime Minister Theresa May's deal": Theresa May is).
_TITLES = frozenset(
    {"prime", "minister", "president", "vice", "foreign", "secretary", "chancellor", "king", "queen", "mr", "mrs"}
)
_PAREN = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class IssueInfo:
    """One stored issue label: the dates and number of documents of its stances, the countries that took them."""

    label: str
    first: str | None = None
    last: str | None = None
    documents: int = 1
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class IssueFeatures:
    entities: frozenset[str]  # ISO alpha-3 codes and lower-case names
    head: str  # the head noun's family
    words: frozenset[str]  # the phrase's words (head as its family; no country, no stop word)
    grams: frozenset[str]  # their character 3-grams
    size: int  # the phrase's words but its countries and stop words: how specific the label is


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "is", "us")) and len(word) > 3:
        return word[:-1]
    return word


def _countries(tokens: list[str]) -> tuple[set[str], set[int]]:
    """Country codes named by the tokens (longest name first) and the positions they cover."""
    codes: set[str] = set()
    covered: set[int] = set()
    i = 0
    while i < len(tokens):
        for n in (4, 3, 2, 1):
            chunk = tokens[i : i + n]
            if len(chunk) == n and chunk[0][:1].isupper() and (code := country_code(" ".join(chunk))):
                codes.add(code)
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return codes, covered


def features(info: IssueInfo) -> IssueFeatures:
    """The entities, head noun and words of an issue label."""
    entities: set[str] = set()
    for qualifier in _PAREN.findall(info.label):
        for part in qualifier.split(","):
            part = part.strip()
            if code := country_code(part):
                entities.add(code)
            elif part:
                entities.add(part.lower())  # an acronym: "(AfCFTA)"
    phrase = _PAREN.sub(" ", info.label)
    tokens = [t.removesuffix("'s").removesuffix("’s") for t in _WORD.findall(phrase.replace("-", " "))]
    codes, covered = _countries(tokens)
    entities |= codes
    words: list[str] = []
    head_at = None
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if i in covered or low in _STOP:
            continue
        if low in _PREPOSITIONS:
            head_at = len(words) if head_at is None else head_at
            continue
        if tok[:1].isupper() and low not in _TITLES:
            entities.add(low)
        words.append(_singular(low))
    head_index = (head_at if head_at is not None else len(words)) - 1
    head = _FAMILY.get(words[head_index], words[head_index]) if 0 <= head_index < len(words) else ""
    if head_index >= 0 and words:
        words[head_index] = head
    if not codes and not any(e.isupper() and len(e) == 3 for e in entities):
        entities |= info.countries  # a label naming no country: the countries that spoke on it
    grams = {f"#{w}#"[i : i + 3] for w in words for i in range(len(w))}
    return IssueFeatures(frozenset(entities), head, frozenset(words), frozenset(grams), len(words))


def _entities_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared == min(len(a), len(b)) or shared * 2 >= len(a | b)


def match(a: IssueFeatures, b: IssueFeatures) -> float | None:
    """How similar two labels' phrases are when they can be one issue (None when they cannot)."""
    if not a.head or a.head != b.head or not _entities_match(a.entities, b.entities):
        return None
    cosine = len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))
    jaccard = len(a.grams & b.grams) / len(a.grams | b.grams)
    score = round(0.5 * cosine + 0.5 * jaccard, 4)
    if a.words <= b.words or b.words <= a.words:
        return max(score, THRESHOLD)
    return score if score >= THRESHOLD else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def within_window(a: IssueInfo, b: IssueInfo, days: int = WINDOW_DAYS) -> bool:
    """The two labels' stances are at most ``days`` apart (an undated one fits any date)."""
    a0, a1, b0, b1 = _day(a.first), _day(a.last or a.first), _day(b.first), _day(b.last or b.first)
    if None in (a0, a1, b0, b1):
        return True
    assert a0 and a1 and b0 and b1
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap <= days


def cluster_key(label: str) -> str:
    """The key of a cluster started by ``label``: 16 hex characters, like the entity ids."""
    return hashlib.sha1(f"issue\0{label}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class Member:
    info: IssueInfo
    features: IssueFeatures
    rule: str
    score: float


@dataclass(slots=True)
class Cluster:
    key: str
    members: list[Member] = field(default_factory=list)

    def label(self) -> str:
        best = max(self.members, key=lambda m: (m.features.size, m.info.documents, _neg(m.info.first), m.info.label))
        return best.info.label

    def dates(self) -> tuple[str | None, str | None]:
        firsts = [m.info.first for m in self.members if m.info.first]
        lasts = [m.info.last or m.info.first for m in self.members if m.info.last or m.info.first]
        return (min(firsts) if firsts else None, max(x for x in lasts if x) if lasts else None)


def _neg(day: str | None) -> str:
    """Sorts an earlier date after a later one in a ``max`` (undated last of all)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in day) if day else ""


class IssueClusters:
    """The clusters in memory: each label's cluster, and the clusters each entity is in (the candidates)."""

    def __init__(self, window_days: int = WINDOW_DAYS) -> None:
        self.window_days = window_days
        self.clusters: dict[str, Cluster] = {}
        self.of_label: dict[str, str] = {}
        self._by_entity: dict[str, set[str]] = {}

    def _put(self, key: str, member: Member) -> None:
        self.clusters.setdefault(key, Cluster(key)).members.append(member)
        self.of_label[member.info.label] = key
        for entity in member.features.entities:
            self._by_entity.setdefault(entity, set()).add(key)

    def restore(self, key: str, info: IssueInfo, rule: str, score: float) -> None:
        """A member already stored."""
        self._put(key, Member(info, features(info), rule, score))

    def add(self, info: IssueInfo) -> str:
        """Put a new label in the cluster it matches best, or in a new one; its cluster's key."""
        if info.label in self.of_label:
            return self.of_label[info.label]
        feats = features(info)
        candidates = set().union(*(self._by_entity.get(e, set()) for e in feats.entities))
        best: tuple[float, int, str] | None = None
        best_key = None
        for key in candidates:
            cluster = self.clusters[key]
            scores = [
                s
                for m in cluster.members
                if within_window(info, m.info, self.window_days) and (s := match(feats, m.features)) is not None
            ]
            if scores:
                rank = (max(scores), len(cluster.members), _neg(key))
                if best is None or rank > best:
                    best, best_key = rank, key
        if best is None or best_key is None:
            key = cluster_key(info.label)
            self._put(key, Member(info, feats, "new", 1.0))
            return key
        self._put(best_key, Member(info, feats, "similar", best[0]))
        return best_key


def ordered(infos: Iterable[IssueInfo]) -> list[IssueInfo]:
    """The order labels are clustered in: by first date (undated last), then label."""
    return sorted(infos, key=lambda i: (i.first is None, i.first or "", i.label))


# -- the store ----------------------------------------------------------------------------------------


def issue_infos(conn: Connection, *, only_new: bool = False) -> list[IssueInfo]:
    """The stored issue labels with their dates, documents and countries (``only_new``: not clustered yet)."""
    day = func.substr(func.coalesce(stances.c.date, documents.c.published), 1, 10)
    q = (
        select(
            stances.c.issue,
            func.min(day),
            func.max(day),
            func.count(stances.c.document_id.distinct()),
        )
        .join(documents, documents.c.id == stances.c.document_id)
        .group_by(stances.c.issue)
    )
    if only_new:
        q = q.where(stances.c.issue.not_in(select(issue_cluster_members.c.issue)))
    rows = conn.execute(q).all()
    if not rows:
        return []
    countries: dict[str, set[str]] = {}
    for part in chunked([r[0] for r in rows]):
        pairs = select(stances.c.issue, stances.c.country).where(stances.c.issue.in_(part)).distinct()
        for issue, country in conn.execute(pairs):
            countries.setdefault(issue, set()).add(country)
    return [
        IssueInfo(label, first, last, int(n), frozenset(countries.get(label, ()))) for label, first, last, n in rows
    ]


def _load(conn: Connection) -> IssueClusters:
    state = IssueClusters()
    m = issue_cluster_members.c
    q = select(m.issue, m.cluster_key, m.first_date, m.last_date, m.documents, m.countries, m.rule, m.score)
    for r in conn.execute(q.order_by(m.first_date, m.issue)):
        info = IssueInfo(r.issue, r.first_date, r.last_date, r.documents, frozenset((r.countries or "").split()))
        state.restore(r.cluster_key, info, r.rule, r.score)
    return state


def _write(conn: Connection, state: IssueClusters, new: Sequence[IssueInfo]) -> None:
    """Store the new members and the clusters they are in (those clusters' rows written again)."""
    touched = sorted({state.of_label[i.label] for i in new})
    rows = []
    for info in new:
        key = state.of_label[info.label]
        member = next(x for x in state.clusters[key].members if x.info.label == info.label)
        rows.append(
            {
                "issue": info.label,
                "cluster_key": key,
                "first_date": info.first,
                "last_date": info.last,
                "documents": info.documents,
                "countries": " ".join(sorted(info.countries)),
                "rule": member.rule,
                "score": member.score,
            }
        )
    for part in chunked(rows, 500):
        conn.execute(issue_cluster_members.insert(), part)
    for part in chunked(touched):
        conn.execute(issue_clusters.delete().where(issue_clusters.c.key.in_(part)))
    clusters = []
    for key in touched:
        cluster = state.clusters[key]
        first, last = cluster.dates()
        clusters.append(
            {
                "key": key,
                "label": cluster.label(),
                "members": len(cluster.members),
                "first_date": first,
                "last_date": last,
            }
        )
    for part in chunked(clusters, 500):
        conn.execute(issue_clusters.insert(), part)


def cluster_new(conn: Connection) -> int:
    """Cluster the stored issue labels that are in no cluster yet; how many were added."""
    new = ordered(issue_infos(conn, only_new=True))
    if not new:
        return 0
    state = _load(conn)
    for info in new:
        state.add(info)
    _write(conn, state, new)
    return len(new)


def rebuild_clusters(conn: Connection) -> tuple[int, int]:
    """Cluster every stored issue label from scratch: (labels, clusters)."""
    conn.execute(issue_cluster_members.delete())
    conn.execute(issue_clusters.delete())
    infos = ordered(issue_infos(conn))
    state = IssueClusters()
    for info in infos:
        state.add(info)
    _write(conn, state, infos)
    return len(infos), len(state.clusters)
