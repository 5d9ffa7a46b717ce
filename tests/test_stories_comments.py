"""A page's comments are no stories (`cleaner.stories.comments`): the gap where the
comments open under an article (a counter or a comments header, then a comment's header:
its author and a date, or "Name says:") reads like a story's head but opens none; a
counter right above the text (a page's head) and a comment form are no such gap, and a gap
with a title of its own is read as before.  Nor are the comments part of the story above
them: they go to no story, up to the next page's titled article."""

from types import SimpleNamespace

import cleaner
from cleaner.options import Options
from cleaner.stories import comments
from cleaner.stories.comments import heedless, inside, section
from cleaner.stories.evidence import Gap
from cleaner.types import Decision

LINES = [  # (rule, category, is a meta line), invented
    ("feature.prose", "body", False),             # 0 the article's last paragraph
    ("en.share.share_label", "share", False),     # 1 Share this:
    ("en.meta.comment_count", "meta", False),     # 2 2 Comments
    ("feature.no_punctuation", "boilerplate", True),  # 3 1. Hilda Marsh on May 3, 2021 at 2:05 pm
    ("feature.prose", "body", False),             # 4 the comment's text
    ("en.comments.leave_reply", "comments", False),   # 5 Leave a Reply
    ("en.comments.form_notice", "comments", False),   # 6 Your email address will not be published.
    ("feature.prose", "body", False),             # 7 a next page's text
]


def _reader(lines=LINES):
    d = [Decision(cat == "body", rule, cat, "", "classify") for rule, cat, _ in lines]
    return SimpleNamespace(d=d, meta=lambda i: lines[i][2], body=lambda i: lines[i][1] == "body", o=Options())


def test_a_counter_and_a_comments_header_open_the_comments():
    r = _reader()
    assert inside(r, range(1, 4))
    says = _reader([("feature.prose", "body", False), ("de.comments.header", "comments", False),
                    ("de.comments.says", "comments", False), ("feature.prose", "body", False)])
    assert inside(says, range(1, 3))


def test_a_counter_above_the_text_and_a_comment_form_do_not():
    r = _reader()
    assert not inside(r, range(1, 3))  # "45 replies" right above an article's text
    assert not inside(r, range(5, 7))  # the form: the comments end there


def test_a_bare_gap_in_the_comments_is_no_candidate_a_titled_one_is():
    r = _reader()
    kept = [0, 4, 7]
    bare = Gap(1, None, None, 3, 2, False, 0.1, 0.0, 4.5)
    titled = bare._replace(title=3, opening="meta")
    assert heedless(r, kept, [bare]) == []
    assert heedless(r, kept, [titled]) == [titled]
    assert heedless(r, kept, [Gap(2, None, None, 2, 2, False, 0.1, 0.0, 4.5)])  # after the form: kept


def test_the_comments_go_to_no_story_up_to_the_next_one_chosen(monkeypatch):
    monkeypatch.setattr(comments, "gap_evidence", lambda r, kept, c, o: Gap(c, None, None, 0, 0, False, 0.1, 0.0, 0.0))
    r = _reader()
    kept = [0, 4, 7]
    assert section(r, kept, [0], set(), 0, 3) == [4, 7]  # the comment, and the text after the form
    assert section(r, kept, [0, 2], {2}, 0, 3) == [4]  # a story chosen after the form stands
    # a story chosen where the comments open (its byline after a comment form) stands too
    assert section(r, [0, 7], [0, 1], {1}, 0, 2) == []
    assert section(r, [0, 7], [0], set(), 0, 2) == [7]


ARTICLE = """Harbour town opens a new ferry line to the islands

The council of the small harbour town voted on Tuesday to open a ferry line to the three islands off its coast, ending a wait of more than ten years for the families who live there.

The new boat will leave the quay four times a day in summer and twice a day in winter, and the crossing will take about forty minutes when the sea is calm.

Fishermen on the islands said the line would let them sell their catch in the market on the mainland before noon, something they could not do with the old weekly boat.

The mayor said the first tickets would go on sale next month, and that children from the islands would travel to school on the mainland for free.

Share this:

2 Comments

1. Hilda Marsh on May 3, 2021 at 2:05 pm

I grew up on the largest of those islands and my grandmother still lives there, so this is wonderful news for our whole family and for everybody else who has waited so long.

We used to miss birthdays and weddings because of the weather and the old timetable, and I hope the council keeps its promise about the winter crossings this time.

Reply

2. Tom Reed on May 4, 2021 at 9:10 am

Forty minutes sounds optimistic to me, but I will be glad to be proven wrong when I take my bicycle across in June.

Reply

Leave a Reply

Your email address will not be published.
"""  # invented

NEXT = """
Mountain railway closes for a month of repairs

By Ann Lee, May 5, 2021

The old mountain railway above the valley will close for the whole of June while engineers replace the rails on its steepest section, the operator said on Wednesday.

Walkers will still be able to reach the summit on foot, and the restaurant at the top will stay open for anyone who makes the climb during the works.

The operator expects the trains to run again in July, in time for the busiest weeks of the summer season in the valley.
"""  # invented


def test_the_comments_are_no_part_of_the_article_above_them():
    out = cleaner.clean(ARTICLE)
    assert out.startswith("Harbour town") and out.endswith("school on the mainland for free.")
    assert "grandmother" not in out and "Hilda Marsh" not in out


def test_the_comments_end_at_the_next_titled_article():
    articles = cleaner.split(ARTICLE + NEXT)
    assert [a.title for a in articles] == ["Harbour town opens a new ferry line to the islands",
                                           "Mountain railway closes for a month of repairs"]
    assert not any("grandmother" in a.text or "bicycle" in a.text for a in articles)
    assert articles[1].text.rstrip().endswith("summer season in the valley.")


def test_a_stretch_is_read_for_comments_only_where_a_line_may_open_them():
    # `section` passes over a stretch none of whose lines might open the comments (one
    # pass over the categories and rules): every line `opens` is one `_may_open` sees
    d = [Decision(cat == "body", rule, cat, "", "classify") for rule, cat, _ in LINES]
    assert comments._may_open(d[2:3]) and comments._may_open(d[5:6])
    assert not comments._may_open(d[:2]) and not comments._may_open(d[3:5]) and not comments._may_open([])
    odd = [Decision(False, "x.y.meta.comment_count", "meta", "", "classify")]
    assert comments._may_open(odd) and not comments.opens(odd[0])  # may, does not: read line by line
    for k in range(len(d)):
        for j in range(k, len(d) + 1):
            assert comments._may_open(d[k:j]) == any(map(comments.opens, d[k:j]))
