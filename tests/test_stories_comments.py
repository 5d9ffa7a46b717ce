"""A page's comments are no stories (`cleaner.stories.comments`): the gap where the
comments open under an article (a counter or a comments header, then a comment's header:
its author and a date, or "Name says:") reads like a story's head but opens none; a
counter right above the text (a page's head) and a comment form are no such gap, and a gap
with a title of its own is read as before."""

from types import SimpleNamespace

from cleaner.options import Options
from cleaner.stories.comments import heedless, inside
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
