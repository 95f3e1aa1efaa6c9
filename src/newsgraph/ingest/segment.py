"""A page → one main article and its teasers.

Plain-text page dumps are segmented by their structure, not by their words:

* lines are classified as block headings ("Related articles", from data),
  boilerplate ("Image removed."), section labels (a short line printed right
  above a title), sources and picture lines, titles (short lines without a
  sentence's final full stop) and paragraphs;
* a story starts at a title and collects the paragraphs under it; a title
  repeated right under itself (teaser cards print it twice) is read once;
* the main article is the story with the most article-like body (paragraphs,
  sources/picture lines, outside teaser blocks); every other story is a teaser;
* teasers printed more than once on a page are kept once, with a count.

Records from tables (CSV/JSON Lines) and HTML pages already hold one article:
their title comes from the record and a leading dateline is removed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.core.errors import NoText, SegmentError
from newsgraph.core.model import Document, RawPage
from newsgraph.lexicon.layout import is_heading, is_section, layout

# A title line is short: the longest headline in the shared corpus has 21 words.
MAX_TITLE_WORDS = 25
# A section label above a title is one to three words ("News", "World news").
MAX_LABEL_WORDS = 3
# Records whose text is shorter than this after cleaning are stubs, not articles.
MIN_BODY_WORDS = 12
SENTENCE_END = re.compile(r"[.!?:;…\"”’)]\s*$")
# A line that ends in a spaced dash opens the next one: a wire dateline printed on a line of its own
# ("LYON, France, Nov. 8, 2026 (Reuters) —"), not a title.
OPENS_NEXT = re.compile(r"\s(?:—|–|-{1,2})$")


@dataclass(slots=True)
class Segmented:
    page_id: str
    documents: list[Document]

    @property
    def main(self) -> Document:
        return self.documents[0]

    @property
    def teasers(self) -> list[Document]:
        return self.documents[1:]


@dataclass(slots=True)
class _Story:
    title: str | None
    section: str | None = None
    in_block: bool = False
    paragraphs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    caption: str | None = None
    credit: str | None = None

    @property
    def closed(self) -> bool:
        return bool(self.sources or self.caption)

    def score(self) -> float:
        """How much this story looks like the page's main article."""
        chars = sum(len(p) for p in self.paragraphs)
        return (
            len(self.paragraphs) * 2.0
            + chars / 1000.0
            + (4.0 if self.closed else 0.0)
            + (0.0 if self.in_block else 3.0)
            - (2.0 if self.section else 0.0)
        )


def normalize_for_hash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def content_hash(title: str, body: str) -> str:
    return hashlib.sha1(f"{normalize_for_hash(title)}\n{normalize_for_hash(body)}".encode()).hexdigest()


def segment(page: RawPage) -> Segmented:
    """Split a page into documents: the main article first, then teasers."""
    text = page.text or ""
    if page.kind == "text":
        stories = _stories(text)
        documents = _documents_from_stories(stories, page)
    else:
        documents = [_record_document(page)]
        documents.extend(_teaser_documents(page, documents[0]))
    page_hash = hashlib.sha1(f"{page.url or ''}\n{normalize_for_hash(text)}".encode()).hexdigest()
    return Segmented(page_id=page_hash[:16], documents=documents)


# -- plain-text page dumps ---------------------------------------------------------------------


def _clean(line: str) -> str:
    return line.strip()


def _is_title_like(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    if SENTENCE_END.search(line) and not line.endswith("?"):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"“'‘"


def _joined_openers(lines: list[str]) -> list[str]:
    """Lines with each one that ends in a spaced dash (:data:`OPENS_NEXT`) joined to the next non-empty line."""
    out: list[str] = []
    carry = ""
    for line in lines:
        if carry and line:
            line, carry = f"{carry} {line}", ""
        if line and OPENS_NEXT.search(line):
            carry = line
            continue
        out.append(line)
    return [*out, carry] if carry else out


def _stories(text: str) -> list[_Story]:
    lay = layout()
    lines = _joined_openers([_clean(x) for x in text.split("\n")])
    stories: list[_Story] = []
    story: _Story | None = None
    in_block = False
    pending_section: str | None = None
    for i, line in enumerate(lines):
        if not line or lay.boilerplate_line.match(line):
            continue
        nxt = next((x for x in lines[i + 1 : i + 2]), "")
        if is_heading(line):
            in_block, story, pending_section = True, None, None
            continue
        if m := lay.sources_line.match(line):
            target = story or (stories[-1] if stories else None)
            if target is not None:
                target.sources = split_sources(m.group("rest"))
            continue
        if m := lay.picture_line.match(line):
            target = story or (stories[-1] if stories else None)
            if target is not None:
                target.caption, target.credit = split_caption(m.group("rest"))
            continue
        # a short line printed directly above a title is that title's section label
        if (
            len(line.split()) <= MAX_LABEL_WORDS
            and nxt
            and _is_title_like(nxt)
            and not is_heading(nxt)
            and (is_section(line) or (in_block and _is_title_like(line)))
        ):
            pending_section = line
            continue
        if _is_title_like(line):
            if story is not None and story.title == line and not story.paragraphs:
                continue  # a teaser card prints its title twice
            starts_story = (
                story is None or pending_section is not None or story.closed or story.in_block or not story.paragraphs
            )
            if starts_story:
                story = _Story(title=line, section=pending_section, in_block=in_block)
                stories.append(story)
                pending_section = None
                continue
        if story is None:
            story = _Story(title=None, in_block=in_block)
            stories.append(story)
        paragraph = lay.boilerplate_tail.sub("", line).strip()
        if paragraph:
            story.paragraphs.append(paragraph)
    return [s for s in stories if s.paragraphs]


def split_sources(text: str) -> list[str]:
    """'A with B (City), C (City), and D' → ['A', 'B', 'C', 'D']."""
    text = re.sub(r"\([^)]*\)", "", text)
    parts = re.split(r",|;|\s+and\s+|\s+with\s+|\s+&\s+|\s*/\s*", text)
    out: list[str] = []
    for part in parts:
        part = part.strip(" .\u00a0")
        if part.lower().startswith("and "):
            part = part[4:].strip()
        if part and part not in out:
            out.append(part)
    return out


def split_caption(text: str) -> tuple[str | None, str | None]:
    """'Caption text (Credit)' → ('Caption text', 'Credit'); credit may also follow '/' or '©'."""
    text = text.strip()
    if m := re.match(r"^(?P<cap>.*?)\s*\((?P<credit>[^()]+)\)\s*\.?$", text):
        return m.group("cap").strip() or None, m.group("credit").strip()
    if m := re.match(r"^(?P<cap>.*?)\s*(?:©|Photo:|Credit:)\s*(?P<credit>.+)$", text):
        return m.group("cap").strip() or None, m.group("credit").strip()
    return text or None, None


def _documents_from_stories(stories: list[_Story], page: RawPage) -> list[Document]:
    if not stories:
        raise SegmentError(f"{page.source}: no article text found on the page", source=page.source)
    main_index = max(range(len(stories)), key=lambda i: (stories[i].score(), -i))
    main = stories[main_index]
    documents = [_make_document(main, "main", page)]
    by_hash: dict[str, Document] = {}
    for i, story in enumerate(stories):
        if i == main_index:
            continue
        doc = _make_document(story, "teaser", page)
        if doc.content_hash == documents[0].content_hash:
            documents[0].occurrences_in_page += 1
            continue
        if doc.content_hash in by_hash:
            by_hash[doc.content_hash].occurrences_in_page += 1
            continue
        by_hash[doc.content_hash] = doc
        documents.append(doc)
    return documents


def _make_document(story: _Story, role: str, page: RawPage) -> Document:
    title = story.title or ""
    body = "\n\n".join(story.paragraphs)
    digest = content_hash(title, body)
    return Document(
        id=digest[:16],
        role="main" if role == "main" else "teaser",
        title=title,
        body=body,
        section=story.section,
        published=page.published if role == "main" else None,
        sources=story.sources,
        picture_caption=story.caption,
        picture_credit=story.credit,
        content_hash=digest,
        url=page.url if role == "main" else None,
    )


# -- records (CSV / JSON Lines) and HTML ------------------------------------------------------


def _teaser_documents(page: RawPage, main: Document) -> list[Document]:
    """The related-story links an HTML reader found (``meta["teasers"]``): one teaser each, repeats counted."""
    by_hash: dict[str, Document] = {}
    for teaser in page.meta.get("teasers", ()):
        body = teaser.summary or ""
        digest = content_hash(teaser.title, body)
        if digest == main.content_hash:
            continue
        if digest in by_hash:
            by_hash[digest].occurrences_in_page += 1
            continue
        by_hash[digest] = Document(
            id=digest[:16], role="teaser", title=teaser.title, body=body, content_hash=digest, url=teaser.url
        )
    return list(by_hash.values())


def _record_document(page: RawPage) -> Document:
    lay = layout()
    title = (page.title or "").strip()
    if any(title.casefold().startswith(p) for p in lay.stub_titles):
        raise NoText(f"{page.source}: {title!r} is a test/stub page, not an article (title prefix)", source=page.source)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", page.text or "") if p.strip()]
    if paragraphs and lay.dateline.match(paragraphs[0]):
        paragraphs = paragraphs[1:]
    if paragraphs and title and normalize_for_hash(paragraphs[0]) == normalize_for_hash(title):
        paragraphs = paragraphs[1:]
    paragraphs = [p for p in paragraphs if not lay.boilerplate_line.match(p)]
    body = "\n\n".join(paragraphs)
    if len(body.split()) < MIN_BODY_WORDS:
        raise NoText(
            f"{page.source}: only {len(body.split())} words of text after the dateline; not an article",
            source=page.source,
        )
    if not title:
        first = paragraphs[0]
        title = first if len(first.split()) <= MAX_TITLE_WORDS else " ".join(first.split()[:12]) + "…"
    digest = content_hash(title, body)
    return Document(
        id=digest[:16],
        role="main",
        title=title,
        body=body,
        published=page.published,
        content_hash=digest,
        url=page.url,
    )
