"""Pattern catalogues: a rule's properties by its id (is it a catalogue rule, does its
line open a section, is it an overlay), for the stages that read them."""

from __future__ import annotations

import functools

from .load import catalogue_dirs, language_rules


def opens_section(rule_id: str) -> bool:
    """Does a line the rule fired on open a non-article section (``section = true``)?"""
    return _flagged(rule_id, "section")


def is_overlay(rule_id: str) -> bool:
    """Is a line the rule fired on a banner laid over the page (``overlay = true``)?

    >>> is_overlay("en.legal.cookie_notice"), is_overlay("en.share.short_url")
    (True, False)
    """
    return _flagged(rule_id, "overlay")


def is_pattern_rule(rule_id: str) -> bool:
    """Is the rule a catalogue (pattern) rule?

    >>> is_pattern_rule("en.share.short_url"), is_pattern_rule("feature.prose")
    (True, False)
    """
    language = rule_id.partition(".")[0]
    return language in catalogue_dirs() and rule_id in _rule_ids(language)


@functools.lru_cache(maxsize=None)
def _rule_ids(language: str) -> frozenset[str]:
    return frozenset(r.id for r in language_rules(language))


def _flagged(rule_id: str, flag: str) -> bool:
    """Is the rule a catalogue rule with its true-or-false property ``flag`` set?"""
    language = rule_id.partition(".")[0]
    return language in catalogue_dirs() and rule_id in _flagged_rules(language, flag)


@functools.lru_cache(maxsize=None)
def _flagged_rules(language: str, flag: str) -> frozenset[str]:
    """Ids of one language's rules with the property ``flag`` (``section``, ``overlay``) set."""
    return frozenset(r.id for r in language_rules(language) if getattr(r, flag))
