"""The language guess of the compiled core (`cleaner.language.guess_language`) against the
Python it replaced (tests/oracle.py) where the core takes shortcuts: it reads the string's
own code units (one, two or four bytes a character), finds the whitespace-separated tokens
from a bit per character and samples them without copying the text, looks each sampled
word up in its own table (words of up to 8 bytes packed in an integer, behind a filter),
and reads the words of each sampled token on its own instead of the tokens joined.

Also: pages in scripts whose sentences end with marks of their own (Devanagari's danda,
Urdu's full stop, Ethiopic, Armenian ...), in languages with neither a catalogue nor a
stoplist, are read as prose (Unicode's sentence terminals end a sentence).
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings, strategies as st

from cleaner import analyze, clean
from cleaner.features import measure

from cleaner.language import STOPLIST_NAMES, guess_language, stopwords, words

from . import oracle


def stoplists() -> dict[str, frozenset[str]]:
    return {code: stopwords(code) for code in STOPLIST_NAMES}


def guessed_alike(text: str) -> bool:
    return guess_language(text) == oracle.guess_language(text, stoplists())


#: Every character `str.isspace` holds, and characters near them that it does not.
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
NOT_SPACES = ["\x00", "\x08", "\x0e", "\x1b", "!", "\x7f", "\x84", "\x86", "\x9f", "\xa1", "\u1681", "\u200b",
              "\u2027", "\u202a", "\u205e", "\u2060", "\u3001", "\ufeff"]

#: Stopwords of several scripts and lengths (more than 8 bytes in UTF-8 too), words with a
#: capital sigma (its lower case depends on its neighbours) and words no list holds.
WORDS = sorted(w for code in ("en", "de", "el", "ru", "pl", "fi") for w in stopwords(code))
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(["ΟΔΟΣ", "ΤΗΣ", "Σ", "ΑΣ.", "'ΑΣ'", "zz", "qq", "x\ud800y", "naïve", "x\U0001f600y",
                     "überschätzt", "mitgliedstaaten", "„und“", "(der)", "it's", "İstanbul", "ǅemal"]),
    st.text(min_size=1, max_size=6),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(TOKENS, st.sampled_from(SPACES + [" "] * 20)).map("".join), min_size=300, max_size=1500),
       st.sampled_from(["", "\xe9", "\u2019", "\U0001f600"]))
def test_long_generated_texts_as_the_oracle(tokens, widen):
    """Texts of hundreds to thousands of tokens (sampled 400 of them), some beyond the
    50,000 characters read, in strings of one, two and four bytes a character."""
    text = widen + "".join(tokens)
    assert guessed_alike(text)
    assert guessed_alike(text * (1 + 50_000 // max(len(text), 1)))


@given(st.lists(TOKENS, max_size=30), st.sampled_from(SPACES))
def test_short_texts_as_the_oracle(tokens, space):
    assert guessed_alike(space.join(tokens))
    assert guessed_alike(space + space.join(tokens) + space)


def test_tokens_are_cut_at_every_whitespace_character_and_only_there():
    """A token ends at a character exactly when `str.isspace` holds it: joining copies of a
    word with the character gives 3000 tokens of its own or one long token, which changes
    the sample (400 tokens spread over the text) and so the guess, whether the character
    separates words (``zz``: too few stopwords) or not (``the``: no stopword at all)."""
    def guesses(c: str) -> tuple:
        first = guess_language(c.join(["zz"] * 3000) + " " + " ".join(["the"] * 500))
        if first != "en":
            return first, None
        return first, guess_language(c.join(["the"] * 3000) + " " + " ".join(["zz"] * 1000))
    assert guesses(" ") == ("en", "en")
    assert guesses("!") == (None, None)
    assert guesses("k") == ("en", None)
    for c in SPACES:
        assert guesses(c) == ("en", "en"), hex(ord(c))
    for c in map(chr, range(0x1700)):  # (the core decides ASCII, and those below U+1680, apart)
        if not c.isspace():
            assert guesses(c) != ("en", "en"), hex(ord(c))
    for c in NOT_SPACES:
        assert guesses(c) != ("en", "en"), hex(ord(c))


def test_texts_without_words_or_stopwords():
    for text in ["", " ", "\u3000\u2028", "12 34 56", "zz qq", "\ud800", "!!! ???", "ΟΔΟΣ"]:
        assert guessed_alike(text), text


def test_words_of_a_text_never_carry_the_word_a_previous_text_ended_on():
    """The core builds words in buffers it keeps from one call to the next: a text that
    ends inside a word (ASCII or not, in strings of one, two or four bytes a character)
    leaves nothing there for the next text."""
    for end in ["abc", "Straße", "ΟΔΟΣ", "x\U0001f600y", "naïve"]:
        for text in ["def", "É", "\u2019s", "zz\U0001f600", "'"]:
            assert words(end) + words(text) == words(end + " " + text), (end, text)


# -- sentence ends of other scripts -------------------------------------------------------------

#: Every character Unicode calls a sentence terminal (``Sentence_Terminal``, `regex`'s
#: ``\p{STerm}``): the full stops, question and exclamation marks of every script.
SENTENCE_TERMINALS = [chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\p{STerm}", chr(c))]


def test_every_sentence_terminal_of_unicode_ends_a_sentence():
    assert len(SENTENCE_TERMINALS) > 100 and "\u0964" in SENTENCE_TERMINALS  # (the danda)
    words = "word " * 11 + "end"
    for mark in SENTENCE_TERMINALS:
        f = measure(words + mark, None)
        assert f.terminal and not f.cut, hex(ord(mark))
    # a letter, a comma or a symbol ends no sentence: the line is cut, or a label
    for last in ("x", ",", "\u0915", "\u2022", "\u00b7"):
        assert not measure(words + last, None).terminal


#: Invented page dumps (a menu, three paragraphs, a footer) in languages with no catalogue
#: and no stoplist, each writing its sentence ends with a mark of its own script.
PAGES = {
    "hi": ["मुख्य पृष्ठ", "समाचार", "खेल", "मनोरंजन",
           "नगर परिषद ने मंगलवार को शहर की पुरानी सड़कों की मरम्मत के लिए नए बजट को मंजूरी दे दी।",
           "अध्यक्ष ने कहा कि सबसे पहले पुराने बाज़ार की गलियों को ठीक किया जाएगा, जहाँ लोग बरसों से शिकायत कर रहे हैं।",
           "काम अप्रैल में शुरू होगा और सर्दियों से पहले पूरा हो जाएगा, ऐसा अधिकारियों ने बताया।",
           "हमसे संपर्क करें", "गोपनीयता नीति"],
    "ur": ["صفحہ اول", "خبریں", "کھیل", "تفریح",
           "شہر کی کونسل نے منگل کے روز پرانی سڑکوں کی مرمت کے لیے نئے بجٹ کی منظوری دے دی۔",
           "چیئرمین نے کہا کہ سب سے پہلے پرانے بازار کی گلیوں کو ٹھیک کیا جائے گا جہاں لوگ برسوں سے شکایت کر رہے ہیں۔",
           "کام اپریل میں شروع ہوگا اور سردیوں سے پہلے مکمل ہو جائے گا، حکام نے بتایا۔",
           "ہم سے رابطہ کریں", "رازداری کی پالیسی"],
    "am": ["መነሻ", "ዜና", "ስፖርት", "መዝናኛ",
           "የከተማው ምክር ቤት ማክሰኞ ዕለት ለአሮጌ መንገዶች ጥገና የሚውል አዲስ በጀት አጸደቀ።",
           "ሊቀመንበሩ በመጀመሪያ ነዋሪዎች ለዓመታት ቅሬታ ያቀረቡባቸው የአሮጌው ገበያ መንገዶች እንደሚጠገኑ ተናግረዋል።",
           "ሥራው በሚያዝያ ወር ተጀምሮ ከክረምቱ በፊት እንደሚጠናቀቅ ባለሥልጣናቱ ገልጸዋል።",
           "ያግኙን", "የግላዊነት ፖሊሲ"],
    "hy": ["Գլխավոր", "Լուրեր", "Սպորտ", "Մշակույթ",
           "Քաղաքային խորհուրդը երեքշաբթի օրը հաստատեց հին ճանապարհների վերանորոգման նոր բյուջեն։",
           "Նախագահի խոսքով՝ առաջինը կվերանորոգվեն հին շուկայի փողոցները, որոնցից բնակիչները տարիներ շարունակ բողոքում են։",
           "Աշխատանքները կսկսվեն ապրիլին և կավարտվեն մինչև ձմեռ, հայտնեցին պաշտոնյաները։",
           "Կապ մեզ հետ", "Գաղտնիության քաղաքականություն"],
}


@pytest.mark.parametrize("code", sorted(PAGES))
def test_a_page_whose_sentences_end_with_its_scripts_own_stop_keeps_its_paragraphs(code):
    page = PAGES[code]
    for text in ("\n\n".join(page), "\n".join(page)):
        assert [line for line in clean(text, html="never").splitlines() if line] == page[4:7]
    # the stop is what makes each a sentence: cut off, the line ends mid-sentence
    for line in page[4:7]:
        assert measure(line, None).terminal and not measure(line[:-1], None).terminal
    # and the menu and footer stay out whatever the layout
    assert not {v.line.text for v in analyze("\n".join(page), html="never").verdicts if v.output} \
        & set(page[:4] + page[7:])


#: An invented Thai page: Thai writes no sentence stop (a space ends a sentence), so each
#: paragraph ends with a letter.
THAI_PAGE = ["หน้าแรก", "ข่าว", "กีฬา",
             "เมื่อวานนี้ชาวบ้านในหมู่บ้านเล็กๆ ริมแม่น้ำได้ร่วมกันปลูกต้นไม้กว่าสองพันต้นเพื่อป้องกันน้ำท่วมในฤดูฝนที่จะมาถึง",
             "ผู้ใหญ่บ้านกล่าวว่าทุกครอบครัวได้ช่วยกันออกเงินซื้อต้นกล้าและมาช่วยกันปลูกตั้งแต่เช้าจนถึงเย็น",
             "ติดต่อเรา", "เกี่ยวกับเรา"]


def test_a_paragraph_of_a_script_without_sentence_stops_is_not_cut_off():
    assert not any(regex.match(r"[\u0e00-\u0eff]", c) for c in SENTENCE_TERMINALS)  # Thai, Lao: none
    for line in THAI_PAGE[3:5]:
        assert not measure(line, None).cut and not measure(line, None).terminal
    # (a line of as many words in another script, ending with a letter, is cut off)
    assert measure("word " * 20 + "and", None).cut
    # so the second paragraph is not taken for a teaser cut mid-sentence: both are the story
    assert [line for line in clean("\n\n".join(THAI_PAGE), html="never").splitlines() if line][-2:] \
        == THAI_PAGE[3:5]
