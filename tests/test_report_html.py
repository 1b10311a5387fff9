"""render_html: escaping, highlighting, self-containment, hidden factuality, determinism.

The articles below are invented for these tests (fictional countries and outlets).
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from newsevents.model import (
    Actor,
    Article,
    Discrepancy,
    Event,
    EventMention,
    Place,
    Quantity,
    Quote,
    SourceValue,
    Span,
    Story,
)
from newsevents.report.html import highlight, render_html

TEXT_A = (
    "Ruritania's navy shelled the port of Valdora on Tuesday. "
    "Officials said at least 12 people were killed. "
    "Ruritania may impose sanctions on Borduria next month."
)
TEXT_B = (
    "Ruritanian warships bombarded Valdora on Tuesday, killing 15 people, local doctors said. "
    "The Bordurian foreign minister met the Ruritanian envoy on Friday."
)
TEXT_C = (
    "<script>alert('owned')</script> The Bordurian foreign minister held talks "
    "with the Ruritanian envoy on Friday."
)


def span_of(text: str, words: str, start: int = 0) -> Span:
    i = text.index(words, start)
    return Span(i, i + len(words))


def sentence_of(text: str, words: str) -> Span:
    """The sentence (split at '. ') that contains ``words``."""
    i = text.index(words)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return Span(start, end)


def actor(text: str, words: str, code: str | None, sector: str | None = None) -> Actor:
    return Actor(span=span_of(text, words), name=words, code=code, sector=sector)


def sample_report() -> tuple[list[Event], dict[str, EventMention], dict[str, Article], list]:
    """Three articles, three outlets, four events (one future), two stories, one quote."""
    arts = {
        "a": Article(
            id="a",
            source="a.txt",
            format="txt",
            text=TEXT_A,
            title="Navy shells port",
            outlet="Harbor Times",
            url="https://example.org/news?id=1&lang=en",
            published="2031-05-07",
        ),
        "b": Article(
            id="b",
            source="b.txt",
            format="txt",
            text=TEXT_B,
            title="Warships bombard Valdora",
            outlet="Daily Ledger",
            url="javascript:alert(1)",
            published="2031-05-07",
        ),
        "c": Article(
            id="c",
            source="c.txt",
            format="txt",
            text=TEXT_C,
            title="Talks <b>held</b>",
            outlet="<i>Evil</i> Post",
            published="2031-05-10",
        ),
    }
    navy = actor(TEXT_A, "Ruritania's navy", "RUR", "MIL")
    port = actor(TEXT_A, "the port of Valdora", "BOR")
    warships = actor(TEXT_B, "Ruritanian warships", "RUR", "MIL")
    valdora_b = actor(TEXT_B, "Valdora", "BOR")
    valdora = Place("Valdora", "BOR", 1.0, 2.0, "city")
    m = {
        "a:0": EventMention(
            article_id="a",
            index=0,
            sentence=sentence_of(TEXT_A, "shelled"),
            trigger=span_of(TEXT_A, "shelled"),
            event="ASSAULT",
            cameo="195",
            intensity=-10.0,
            factuality="asserted",
            mode="aerial",
            actor=(navy,),
            recipient=(port,),
            date="2031-05-06",
            date_precision="day",
            date_source="text",
        ),
        "b:0": EventMention(
            article_id="b",
            index=0,
            sentence=sentence_of(TEXT_B, "bombarded"),
            trigger=span_of(TEXT_B, "bombarded"),
            event="ASSAULT",
            cameo="195",
            intensity=-10.0,
            factuality="asserted",
            actor=(warships,),
            recipient=(valdora_b,),
        ),
        "a:1": EventMention(
            article_id="a",
            index=1,
            sentence=sentence_of(TEXT_A, "impose"),
            trigger=span_of(TEXT_A, "impose"),
            event="SANCTION",
            cameo="163",
            intensity=-8.0,
            factuality="future",
            actor=(actor(TEXT_A, "Ruritania may", "RUR"),),
            cue=span_of(TEXT_A, "may"),
        ),
        "b:1": EventMention(
            article_id="b",
            index=1,
            sentence=sentence_of(TEXT_B, "met"),
            trigger=span_of(TEXT_B, "met"),
            event="CONSULT",
            cameo="040",
            intensity=1.0,
            factuality="asserted",
        ),
        "c:0": EventMention(
            article_id="c",
            index=0,
            sentence=Span(0, len(TEXT_C)),
            trigger=span_of(TEXT_C, "held talks"),
            event="CONSULT",
            cameo="040",
            intensity=1.0,
            factuality="asserted",
        ),
    }
    minister = Actor(Span(0, 0), "Bordurian foreign minister", "BOR", "GOV")
    envoy = Actor(Span(0, 0), "Ruritanian envoy", "RUR", "GOV")
    events = [
        Event(
            id="e1",
            story_id="s1",
            mention_ids=("a:0", "b:0"),
            event="ASSAULT",
            cameo="195",
            intensity=-10.0,
            factuality="asserted",
            mode="aerial",
            actor=(Actor(Span(0, 0), "Ruritanian navy", "RUR", "MIL"),),
            recipient=(Actor(Span(0, 0), "Valdora", "BOR"),),
            date="2031-05-06",
            date_precision="day",
            location=valdora,
            quantities=(Quantity("killed", 12, True, span_of(TEXT_A, "12")),),
            discrepancies=(
                Discrepancy(
                    "killed",
                    (
                        SourceValue("12", "a:0", "a", "Harbor Times", sentence_of(TEXT_A, "12")),
                        SourceValue("15", "b:0", "b", "Daily Ledger", sentence_of(TEXT_B, "15")),
                    ),
                ),
            ),
            framing=(("Harbor Times", ("shelled",)), ("Daily Ledger", ("bombarded",))),
            explanation=("b:0 joined a:0: same type, same recipient, same day",),
        ),
        Event(
            id="e2",
            story_id="s1",
            mention_ids=("a:1",),
            event="SANCTION",
            cameo="163",
            intensity=-8.0,
            factuality="future",
            actor=(Actor(Span(0, 0), "Ruritania", "RUR"),),
            date="2031-06",
            date_precision="month",
        ),
        Event(
            id="e3",
            story_id="s2",
            mention_ids=("b:1", "c:0", "zz:9"),
            event="CONSULT",
            cameo="040",
            intensity=1.0,
            factuality="asserted",
            actor=(minister,),
            recipient=(envoy,),
            date="2031-05-09",
            date_precision="day",
            framing=(("Daily Ledger", ("met",)), ("<i>Evil</i> Post", ("held talks",))),
        ),
        Event(
            id="e4",
            story_id=None,
            mention_ids=(),
            event="PROTEST",
            cameo="140",
            intensity=-6.5,
            factuality="asserted",
        ),
    ]
    stories = [Story("s1", ("a", "b"), "Valdora shelling"), Story("s2", ("b", "c"), "Talks")]
    return events, m, arts, stories


def render(**kw) -> str:
    events, m, arts, stories = sample_report()
    quote = Quote(
        "a", 0, span_of(TEXT_A, "at least 12"), sentence_of(TEXT_A, "12"), cue_lemma="say"
    )
    return render_html(events, m, arts, stories, [quote], **kw)


class TagChecker(HTMLParser):
    """Fails on a closing tag that does not match the innermost open element."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    return checker


def test_page_is_well_nested_html():
    checker = parse(render(show_all=True))
    assert checker.errors == []
    assert checker.stack == []


def test_article_text_and_metadata_are_escaped():
    page = render()
    # only the report's own inline script; the article's <script> comes out as text
    assert page.count("<script") == 1
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt; The Bordurian" in page
    assert "&lt;i&gt;Evil&lt;/i&gt; Post" in page
    assert "Talks &lt;b&gt;held&lt;/b&gt;" in page
    assert "<i>Evil</i>" not in page and "<b>held</b>" not in page


def test_script_in_highlighted_sentence_is_escaped():
    text = "<script>x()</script> Rebels & soldiers clashed."
    out = highlight(text, Span(0, len(text)), [(span_of(text, "clashed"), "trigger")])
    assert out == (
        '&lt;script&gt;x()&lt;/script&gt; Rebels &amp; soldiers <mark class="trigger">'
        "clashed</mark>."
    )


@pytest.mark.parametrize(
    ("trigger", "actor_html", "recipient_html"),
    [
        ("shelled", "Ruritania&#x27;s navy", "the port of Valdora"),
        ("bombarded", "Ruritanian warships", "Valdora"),
    ],
)
def test_trigger_and_participants_are_marked(trigger, actor_html, recipient_html):
    page = render()
    assert f'<mark class="trigger">{trigger}</mark>' in page
    assert f'<u class="actor">{actor_html}</u>' in page
    assert f'<u class="recipient">{recipient_html}</u>' in page


TEXT_H = "  The army of Freedonia attacked the rebel camp.  "


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # plain trigger
        (
            [("attacked", "trigger")],
            'The army of Freedonia <mark class="trigger">attacked</mark> the rebel camp.',
        ),
        # trigger inside an actor span: tags nest, the actor is split around the trigger
        (
            [("army of Freedonia attacked", "actor"), ("attacked", "trigger")],
            'The <u class="actor">army of Freedonia </u><mark class="trigger">'
            '<u class="actor">attacked</u></mark> the rebel camp.',
        ),
        # overlapping actor and recipient
        (
            [("army of", "actor"), ("of Freedonia", "recipient")],
            'The <u class="actor">army </u><u class="actor"><u class="recipient">of</u></u>'
            '<u class="recipient"> Freedonia</u> attacked the rebel camp.',
        ),
        # factuality cue
        (
            [("rebel", "cue")],
            'The army of Freedonia attacked the <em class="cue">rebel</em> camp.',
        ),
    ],
)
def test_highlight_nesting(marks, expected):
    spans = [(span_of(TEXT_H, words), kind) for words, kind in marks]
    assert highlight(TEXT_H, Span(0, len(TEXT_H)), spans) == expected


def test_highlight_clips_spans_to_the_sentence():
    text = "First sentence here. Second one attacked."
    sent = Span(21, len(text))
    out = highlight(text, sent, [(Span(6, 30), "actor"), (Span(32, 99), "trigger")])
    assert out == '<u class="actor">Second on</u>e <mark class="trigger">attacked.</mark>'


def test_highlight_rejects_unknown_kind():
    with pytest.raises(ValueError, match="unknown highlight kind"):
        highlight("abc", Span(0, 3), [(Span(0, 1), "bold")])


ASSET_TAGS = ("link", "script", "img", "iframe", "source", "video", "audio", "embed", "object")


@pytest.mark.parametrize("show_all", [False, True])
def test_no_network_assets(show_all):
    page = render(show_all=show_all)
    checker = parse(page)
    for tag, attrs in checker.tags:
        for name in ("src", "href", "data", "srcset"):
            value = (attrs.get(name) or "").strip().lower()
            if tag in ASSET_TAGS:
                assert not value, f"<{tag} {name}={value!r}> loads an external asset"
    assert not re.search(r"url\(|@import|https?://[^\"'<\s]*\.(css|js|woff2?)", page)
    # article links are plain anchors; non-web URLs are never made clickable
    hrefs = [a.get("href") for t, a in checker.tags if t == "a"]
    assert "https://example.org/news?id=1&lang=en" in hrefs
    assert not any((h or "").lower().startswith("javascript:") for h in hrefs)
    assert 'href="https://example.org/news?id=1&amp;lang=en"' in page


def test_filter_bar_is_hidden_until_the_script_reveals_it():
    page = render()
    assert '<form class="filters" id="filters" hidden>' in page
    assert "bar.hidden = false" in page
    assert "[hidden] { display: none !important; }" in page


def test_future_event_hidden_by_default_and_counted():
    page = render()
    assert 'data-event="e2"' not in page
    assert "impose" not in page
    note = re.search(r'<p class="note" id="hidden-note">(.*?)</p>', page)
    assert note is not None
    assert "Hidden: 1 future" in note.group(1)
    assert "showing 3 of 4" in note.group(1)


def test_show_all_includes_nonfactual_events_with_badge():
    page = render(show_all=True)
    assert page.count('data-event="e2"') == 2  # timeline row + card
    assert '<span class="badge fact-future">future</span>' in page
    assert '<mark class="trigger">impose</mark>' in page
    assert '<em class="cue">may</em>' in page
    assert "Included with a badge: 1 future" in page


def test_header_summary_counts():
    page = render()
    header = page[page.index("<header>") : page.index("</header>")]
    for figure in (
        "<b>3</b> articles",
        "<b>3</b> outlets",
        "<b>2</b> stories",
        "<b>4</b> events",
    ):
        assert figure in header


def timeline_rows(page: str) -> list[tuple[str, str]]:
    """(kind, text) of timeline rows in order: ('story', label) or ('event', id)."""
    table = page[page.index('<table class="timeline">') :]
    table = table[: table.index("</table>")]
    rows = []
    for m in re.finditer(r'<tr class="story"><th[^>]*>([^<]*)|<tr data-event="([^"]*)"', table):
        rows.append(("story", m.group(1).strip()) if m.group(1) else ("event", m.group(2)))
    return rows


def test_timeline_grouped_by_story_and_sorted_by_date():
    assert timeline_rows(render(show_all=True)) == [
        ("story", "Valdora shelling"),
        ("event", "e1"),
        ("event", "e2"),
        ("story", "Talks"),
        ("event", "e3"),
        ("story", "Events not assigned to a story"),
        ("event", "e4"),
    ]


def test_timeline_row_fields():
    page = render()
    row = re.search(r'<tr data-event="e1".*?</tr>', page, re.S)
    assert row is not None
    text = re.sub(r"<[^>]+>", "", row.group(0))
    for part in (
        "2031-05-06 (day)",
        "ASSAULT aerial",
        "195",
        "-10.0",
        "Ruritanian navy [RUR MIL] → Valdora [BOR]",
        "Valdora, BOR (city)",
        "asserted",
        "⚠ killed",
    ):
        assert part in text
    assert re.search(r'<td class="num">2</td>', row.group(0))  # two outlets


def test_event_card_has_discrepancies_framing_and_explanation():
    page = render()
    card = page[page.index('<article class="card" id="ev-e1"') :]
    card = card[: card.index("</article>")]
    table = card[card.index('class="discrepancies"') :]
    assert re.search(r"<td>Harbor Times</td><td><b>12</b></td><td>Officials said", table)
    assert re.search(r"<td>Daily Ledger</td><td><b>15</b></td><td>Ruritanian warships", table)
    assert "<li><b>Daily Ledger</b>: bombarded</li>" in card
    assert "<li><b>Harbor Times</b>: shelled</li>" in card
    assert "b:0 joined a:0: same type, same recipient, same day" in card
    assert "Sources (2 outlets, 2 sentences)" in card
    assert "killed: about 12" in card


def test_framing_overview_table():
    page = render()
    table = page[page.index('class="framing-overview"') :]
    table = table[: table.index("</table>")]
    head = re.findall(r"<th>([^<]*)</th>", table[: table.index("</thead>")])
    assert head == ["Event", "&lt;i&gt;Evil&lt;/i&gt; Post", "Daily Ledger", "Harbor Times"]
    assert "<td></td><td>bombarded</td><td>shelled</td>" in table
    assert "<td>held talks</td><td>met</td><td></td>" in table


def test_missing_mentions_and_articles_are_reported_not_fatal():
    events, m, arts, stories = sample_report()
    del arts["c"]
    page = render_html(events, m, arts, stories)
    assert "Mentions not loaded: zz:9" in page
    assert "article c is not loaded" in page


def test_output_is_deterministic_and_order_independent():
    events, m, arts, stories = sample_report()
    first = render_html(events, m, arts, stories, show_all=True)
    again = render_html(events, m, arts, stories, show_all=True)
    shuffled = render_html(
        list(reversed(events)),
        dict(reversed(list(m.items()))),
        dict(reversed(list(arts.items()))),
        list(reversed(stories)),
        show_all=True,
    )
    assert first == again == shuffled


def test_title_is_escaped_and_empty_corpus_renders():
    page = render_html([], {}, {}, title="A & B <report>")
    assert "<title>A &amp; B &lt;report&gt;</title>" in page
    assert page.count("No events to show.") == 2  # timeline and events sections
    assert 'id="filters"' not in page
    assert parse(page).errors == []


@pytest.mark.parametrize(
    ("outlet", "url", "source", "expected"),
    [
        ("Harbor Times", "https://www.example.org/x", "a.txt", "Harbor Times"),
        (None, "https://www.example.org/x", "a.txt", "example.org"),
        (None, None, "corpus/2031/ledger-story.txt", "ledger-story.txt"),
        (None, "not a url", "", "c"),
    ],
)
def test_outlet_label_fallbacks(outlet, url, source, expected):
    events, m, arts, stories = sample_report()
    arts["c"] = replace(arts["c"], outlet=outlet, url=url, source=source)
    page = render_html(events, m, arts, stories)
    header = page[page.index("<header>") : page.index("</header>")]
    assert re.search(rf"Outlets: [^<]*\b{re.escape(expected)}\b", header)
    assert f"<b>{expected}</b>" in page  # the source line of its sentence


def test_unknown_story_id_gets_a_label():
    events, m, arts, _ = sample_report()
    page = render_html([replace(events[0], story_id="s9")], m, arts)
    assert ("story", "Story s9") in timeline_rows(page)


def test_cards_follow_date_order_not_ids():
    events, m, arts, stories = sample_report()
    renamed = [replace(events[0], id="z-first"), *events[1:]]  # earliest date, last id
    page = render_html(renamed, m, arts, stories)
    cards = re.findall(r'<article class="card[^"]*" id="([^"]+)"', page)
    assert cards == ["ev-z-first", "ev-e3", "ev-e4"]
