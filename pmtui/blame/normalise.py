"""Text normalisation before blame matching, shared by the rules and the statistical layer.

:func:`normalise` rewrites what people type into the forms the rules and the model know:

* curly quotes and apostrophes become straight ones (``’`` → ``'``);
* contractions typed without an apostrophe get it back (``didnt`` → ``didn't``,
  ``shouldve`` → ``should've``, ``im`` → ``I'm``);
* common misspellings of the words blame hangs on are corrected (``shuold`` → ``should``,
  ``becuase`` → ``because``, ``fualt`` → ``fault``);
* non-native or spoken grammar after a modal is mended (``should has`` / ``should of`` /
  ``shoulda`` → ``should have``, ``ought of`` → ``ought to have``).

Case is left alone (the rules match case-insensitively; names need their capitals). The
result keeps a map back to the original text, so a finding's span always points at what
the user typed: :meth:`Normalised.span` turns a span of the normalised text into one of
the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pmtui.blame.trie import trie_regex

# Curly quotes and apostrophes to straight ones (``str.replace`` is far faster than
# ``str.translate`` with a table; no replacement makes another one's character).
_QUOTES = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'))

# Contractions written without their apostrophe. Words that are also ordinary words
# ("cant", "wont", "its", "were", "well", "hell", "ill", "id", "wed", "shed") are left out.
_CONTRACTIONS = {
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
    "shouldnt": "shouldn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "mustnt": "mustn't",
    "neednt": "needn't",
    "mightnt": "mightn't",
    "aint": "ain't",
    "cannot": "cannot",
    "shouldve": "should've",
    "couldve": "could've",
    "wouldve": "would've",
    "mightve": "might've",
    "mustve": "must've",
    "im": "I'm",
    "ive": "I've",
    "youre": "you're",
    "youve": "you've",
    "theyre": "they're",
    "theyve": "they've",
    "weve": "we've",
    "whos": "who's",
    "whose": "whose",
    "thats": "that's",
    "whats": "what's",
    "hes": "he's",
    "shes": "she's",
    "theres": "there's",
    "lets": "let's",
    "yall": "y'all",
}

# Misspellings of the words the rules and the model hang on (keyboard slips, phonetic).
_TYPOS = {
    "shuold": "should",
    "shoud": "should",
    "shoudl": "should",
    "sould": "should",
    "shold": "should",
    "shoulld": "should",
    "souldn't": "shouldn't",
    "shoudn't": "shouldn't",
    "coudl": "could",
    "coud": "could",
    "woudl": "would",
    "wuold": "would",
    "teh": "the",
    "becuase": "because",
    "becasue": "because",
    "beacuse": "because",
    "bcause": "because",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "fualt": "fault",
    "faut": "fault",
    "falut": "fault",
    "blaim": "blame",
    "blam": "blame",
    "carless": "careless",
    "carelss": "careless",
    "carefull": "careful",
    "negligant": "negligent",
    "neglegent": "negligent",
    "incompetant": "incompetent",
    "responsable": "responsible",
    "responsibile": "responsible",
    "forgt": "forgot",
    "forgoten": "forgotten",
    "forgeted": "forgot",
    "ignord": "ignored",
    "ingored": "ignored",
    "misssed": "missed",
    "chekc": "check",
    "cehck": "check",
    "checkd": "checked",
    "cheked": "checked",
    "deleteed": "deleted",
    "delted": "deleted",
    "borke": "broke",
    "brokeded": "broke",
    "pushd": "pushed",
    "psuhed": "pushed",
    "humman": "human",
    "eror": "error",
    "errror": "error",
    "mistale": "mistake",
    "mistkae": "mistake",
    "opertor": "operator",
    "engneer": "engineer",
    "enginer": "engineer",
    "becarefull": "be careful",
    "doublecheck": "double-check",
    "doublechecked": "double-checked",
    "oncall": "on-call",
    "u": "you",
    "ur": "your",
    "ppl": "people",
    "pls": "please",
    "plz": "please",
    "wtf": "what the hell",
}

_MODAL = r"should|could|would|must|might|ought(?:\s+to)?"
_WORD_RE = re.compile(r"(?<![\w'-])[A-Za-z][A-Za-z']*(?![\w-])")
_GRAMMAR = (
    rf"\b(?P<modal>{_MODAL}|shouldn't|couldn't|wouldn't)\s+(?:has|had|of)"
    r"|\b(?P<slang>should|could|would|must)a\b"
)
_SINGLE = {**_CONTRACTIONS, **_TYPOS}
# Only words that may need rewriting, so plain prose costs one regex search per pass.
# A prefix tree, not a flat alternation: Python's re tries alternatives one by one.
_WORDS = r"\b" + trie_regex(_SINGLE) + r"(?![\w'-])"
# Each pattern twice: case-insensitive, and for lower-cased text (about twice as fast).
# (_SINGLE's words are lower-case ASCII letters; the modals start with s, c, w, m or o.)
_GRAMMAR_RE = re.compile(_GRAMMAR, re.IGNORECASE)
# The lower-case ones look ahead for the first letters first, so ``re`` skips ahead fast.
_GRAMMAR_LOWER_RE = re.compile(f"(?=[scwmo])(?:{_GRAMMAR})")
_WORDS_RE = re.compile(_WORDS, re.IGNORECASE)
_WORDS_LOWER_RE = re.compile(f"(?=[{''.join(sorted({w[0] for w in _SINGLE}))}])(?:{_WORDS})")
# The characters for which matching the lower-cased text differs from matching the text
# case-insensitively: "İ" lower-cases to two characters; "ı", "ſ" and the Kelvin sign
# match ASCII letters under re.IGNORECASE. (Checked over every code point.)
_CASE_TRAPS_RE = re.compile("[\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True)
class Normalised:
    """Normalised text and the way back to the original.

    ``origin[i]`` is the original offset of normalised character ``i`` (``None`` when the
    normalisation kept every character in place).
    """

    original: str
    text: str
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``[start, end)``."""
        if self.origin is None:
            return start, end
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else len(self.original)
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def _cased(word: str, replacement: str) -> str:
    if replacement[:1].isupper() or not word[:1].isupper():
        return replacement
    if word.isupper() and len(word) > 1:
        return replacement.upper()
    return replacement[0].upper() + replacement[1:]


def _word(text: str, m: re.Match[str]) -> str | None:
    word = text[m.start() : m.end()]
    low = word.lower()
    single = _SINGLE.get(low)
    if single is None:  # matched only through Unicode case folding ("İm" -> "i̇m")
        return None
    # A capital "U" is a letter ("the U-shaped graph"); lower-case chat is "you".
    if len(low) == 1 and word != low:
        return None
    # "im"/"Im" is chat ("im sorry"); "IM" is an instant message.
    if low in ("im", "ive") and word.isupper():
        return None
    return _cased(word, single) if single != low else None


def _grammar(text: str, m: re.Match[str]) -> str:
    a, b = m.span("slang")
    if b > a:
        return _cased(text[m.start() : m.end()], text[a:b] + " have")
    a, b = m.span("modal")
    modal = text[a:b]
    return modal + (" to have" if modal.lower() == "ought" else " have")


Rewrite = tuple[str, list[int] | None]


def _rewrite(
    text: str,
    patterns: tuple[re.Pattern[str], re.Pattern[str]],
    fn: Callable[[str, re.Match[str]], str | None],
    lower: bool,
) -> Rewrite:
    """``text`` with each match of ``patterns`` replaced by ``fn(text, match)`` (``None``:
    kept), and each new character's offset in ``text`` (``None`` when nothing changed).
    ``patterns`` is the case-insensitive pattern and the one for lower-cased text, used
    when ``lower`` (the match spans are the same; ``fn`` reads the words from ``text``)."""
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    matches = patterns[1].finditer(text.lower()) if lower else patterns[0].finditer(text)
    for m in matches:
        new = fn(text, m)
        if new is None:
            continue
        a, b = m.span()
        pieces.append(text[pos:a])
        origin.extend(range(pos, a))
        pieces.append(new)
        # The replacement's characters map onto the replaced text, in order.
        width = b - a
        origin.extend(a + min(i * width // max(len(new), 1), width - 1) for i in range(len(new)))
        pos = b
    if not pieces:
        return text, None
    pieces.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return "".join(pieces), origin


def normalise(text: str) -> Normalised:
    """``text`` with quotes, contractions, typos and modal grammar normalised."""
    straight = text
    for curly, plain in _QUOTES:
        straight = straight.replace(curly, plain)
    lower = _CASE_TRAPS_RE.search(straight) is None
    words, first = _rewrite(straight, (_WORDS_RE, _WORDS_LOWER_RE), _word, lower)
    final, second = _rewrite(words, (_GRAMMAR_RE, _GRAMMAR_LOWER_RE), _grammar, lower)
    if first is None and second is None:
        return Normalised(text, final)
    if first is None:
        origin = second
    elif second is None:
        origin = first
    else:
        origin = [first[i] for i in second]
    assert origin is not None
    return Normalised(text, final, tuple(origin))
