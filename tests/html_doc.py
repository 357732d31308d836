"""Parse an HTML page into a small tree with the standard library, to test it as a document.

Tests check elements, attributes and text as a browser would build them, not by grepping the
source: ``parse_html(text).find_all("th")``, ``element.text``, ``element.attrs["href"]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that never have children or an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    """One element: its tag, attributes (values unescaped) and children (elements or text)."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        """Yield this element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str) -> list[Element]:
        """Return every element named ``tag`` inside (and including) this one."""
        return [e for e in self.iter() if e.tag == tag]

    def find(self, tag: str) -> Element:
        """Return the one element named ``tag``; fail if there are none or several."""
        found = self.find_all(tag)
        assert len(found) == 1, f"{len(found)} <{tag}> elements, expected 1"
        return found[0]

    def by_id(self, element_id: str) -> Element | None:
        """Return the element with this ``id``, if any."""
        return next((e for e in self.iter() if e.attrs.get("id") == element_id), None)

    @property
    def text(self) -> str:
        """The text inside, with runs of white space read as one space, as a reader sees it."""
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert tag not in VOID, f"</{tag}> closes a void element"
        # Pages are written well-formed: an end tag closes the element it opened, nothing else.
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text: str, *, page: bool = True) -> Element:
    """Parse HTML; fail if an end tag does not close the element it should, or, for a ``page``,
    if it does not start with ``<!DOCTYPE html>``."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed <{builder.stack[-1].tag}>"
    if page:
        assert (builder.doctype or "").lower() == "doctype html", builder.doctype
    return builder.root


def check_skeleton(document: Element) -> None:
    """Assert what every page of the pack has: ``lang``, one h1, landmarks and a skip link."""
    html = document.find("html")
    assert html.attrs.get("lang"), "<html> has no lang"
    assert document.find("title").text
    assert document.find("h1").text
    main = document.find("main")
    assert main.attrs.get("id") == "main"
    parts = [c for c in document.find("body").children if isinstance(c, Element)]
    assert [c.tag for c in parts] == ["a", "header", "main", "footer"]
    skip = parts[0]
    assert skip.attrs["href"] == "#main" and skip.text  # the first stop of the keyboard
    assert document.find("header").find_all("h1") == [document.find("h1")]


def check_inert(document: Element) -> None:
    """Assert that nothing on a page can run: no script, no event handler, no odd link scheme."""
    assert document.find_all("script") == []
    assert len(document.find_all("style")) == 1
    for element in document.iter():
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"<{element.tag} {name}=...>"
            if name in ("href", "src"):
                scheme = (value or "").split(":", 1)[0].lower() if ":" in (value or "") else ""
                assert scheme in ("", "http", "https"), f"<{element.tag} {name}={value!r}>"
