"""The blame-language engine: compiles the rules in ``rules.toml`` and scans text.

Matching works in layers (see ``pmtui/blame/__init__.py`` for the public API):

1. one combined *trigger* regex finds the words any rule needs (``triggers``);
2. only the sentence around each trigger is matched against the rules that
   trigger names, so plain prose costs one regex pass;
3. each rule's ``exceptions`` drop matches they overlap (error rate, fault
   injection, lazy loading...), and a ``negatable`` rule's match is dropped when
   ``[blameless] negation`` matches the words before it ("it's not the engineer's
   fault");
4. ``{SUBJ}`` in a pattern is the subject test: a pronoun, a role, a team, an
   @handle or a first name. Non-person subjects (a Kubernetes operator) are
   rejected by ``[subjects] not_person``;
5. matches inside quotes, code spans, code blocks or HTML comments are dropped,
   as are rules the user disabled or allowed.

Everything is compiled once per configuration and cached, because the wizard
calls :func:`scan` on every keystroke.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pmtui.blame.names import folded_names, is_name
from pmtui.blame.normalise import normalise
from pmtui.blame.trie import trie_regex
from pmtui.config import BlameCategory, BlameSettings
from pmtui.document.comments import find_allowances
from pmtui.document.model import Allowance

RULES_FILE = Path(__file__).with_name("rules.toml")

#: The seven blame categories, in the order the spec's Golden Rule table uses.
CATEGORIES: tuple[str, ...] = get_args(BlameCategory)
#: Category of action-item quality findings (not blame).
ACTION_ITEM = "action_item"

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Finding:
    """One piece of text that may read as blame (or an action-item problem).

    ``line``/``column`` are 1-based and ``end_column`` is exclusive; ``start``
    and ``end`` are 0-based offsets into the scanned text.
    """

    rule: str
    category: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    match: str
    message: str
    suggestion: str


@dataclass(frozen=True)
class Rule:
    """One rule from ``rules.toml`` (the source of truth; see its header)."""

    id: str
    category: str
    message: str
    suggestion: str
    triggers: tuple[str, ...]
    patterns: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    #: A negation just before a match turns it round ("it's not the engineer's fault",
    #: "rather than retraining the operator"): see ``[blameless] negation``.
    negatable: bool = False
    examples_match: tuple[str, ...] = ()
    examples_nomatch: tuple[str, ...] = ()


class _Compiled:
    """A rule with its regexes, compiled the first time a trigger needs them
    (compiling every rule up front costs a few hundred milliseconds)."""

    def __init__(self, rule: Rule, macros: dict[str, str]) -> None:
        self.rule = rule
        self._macros = macros

    @functools.cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        return self._compile(self.rule.patterns)

    @functools.cached_property
    def exceptions(self) -> list[re.Pattern[str]]:
        return self._compile(self.rule.exceptions)

    def _compile(self, sources: tuple[str, ...]) -> list[re.Pattern[str]]:
        try:
            return [re.compile(_expand(p, self._macros), _FLAGS) for p in sources]
        except re.error as exc:  # a broken rule file is a bug, not a user error
            raise ValueError(f"rule {self.rule.id}: bad regex: {exc}") from None


@dataclass
class _RuleSet:
    rules: list[_Compiled]
    trigger_re: re.Pattern[str]  # for lower-cased text
    trigger_re_i: re.Pattern[str]  # for text whose lower() changes its length
    exact: dict[str, tuple[int, ...]]
    prefixes: dict[str, tuple[int, ...]]
    not_person: re.Pattern[str] | None
    #: ``[blameless] negation``: matched against the text just before a negatable match.
    negation: re.Pattern[str] | None = None
    #: The user's and the document's names, for the subject test (see names.py).
    names: frozenset[str] = frozenset()
    by_id: dict[str, int] = field(default_factory=dict)
    #: Rule matches by (sentence, rule indexes), relative to the sentence: a field is
    #: re-scanned on every keystroke, and only the sentence being typed changes.
    matches: dict[tuple[str, tuple[int, ...]], list[tuple[int, int, int]]] = field(
        default_factory=dict
    )


# --------------------------------------------------------------------------- rules data


@functools.cache
def rules_data() -> dict[str, Any]:
    with RULES_FILE.open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def _rejections() -> re.Pattern[str] | None:
    patterns = rules_data().get("blameless", {}).get("rejections", [])
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def rejects_blame(sentence: str) -> bool:
    """Whether ``sentence`` names blame in order to reject it (``[blameless] rejections``
    in ``rules.toml``: "don't fire the admin who...", "nobody is to blame")."""
    found = _rejections()
    return found is not None and found.search(sentence) is not None


@functools.cache
def load_rules() -> tuple[Rule, ...]:
    """The rules in ``rules.toml``, in file order."""
    rules = []
    for raw in rules_data()["rule"]:
        rules.append(
            Rule(
                id=raw["id"],
                category=raw["category"],
                message=raw["message"],
                suggestion=raw["suggestion"],
                triggers=tuple(raw["triggers"]),
                patterns=tuple(raw["patterns"]),
                exceptions=tuple(raw.get("exceptions", ())),
                negatable=bool(raw.get("negatable", False)),
                examples_match=tuple(raw.get("examples_match", ())),
                examples_nomatch=tuple(raw.get("examples_nomatch", ())),
            )
        )
    return tuple(rules)


def negated(text: str, config: BlameSettings | None = None) -> bool:
    """Whether a rule match in ``text`` was turned round by a negation before it ("it's
    not the engineer's fault"): the model adds no finding to such a sentence."""
    rs = _ruleset(config or BlameSettings())
    return any(index < 0 for _, _, index in _raw_matches(normalise(text).text, rs))


#: Switches the statistical layer off (``[blame] disable = ["model"]``).
MODEL_RULE = "model"


def model_rule_id(category: str) -> str:
    """The rule id of the statistical layer's findings in ``category``."""
    return "model-" + category.replace("_", "-")


def rule_ids() -> frozenset[str]:
    return (
        frozenset(r.id for r in load_rules())
        | {MODEL_RULE}
        | {model_rule_id(c) for c in CATEGORIES}
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _expand_plurals(words: Iterable[str]) -> list[str]:
    out = []
    for word in words:
        if word.endswith("(s)"):
            out += [word[:-3], word[:-3] + "s"]
        else:
            out.append(word)
    return out


def _macros(config: BlameSettings) -> dict[str, str]:
    data = rules_data()
    macros: dict[str, str] = dict(data.get("macros", {}))
    for key, words in data.get("wordlists", {}).items():
        macros[key] = trie_regex(_expand_plurals(words))
    names = list(data.get("names", {}).get("first_names", ())) + list(config.names)
    clean = {n.strip().lstrip("@") for n in names if n.strip().lstrip("@")}
    macros["NAME"] = f"(?-i:{trie_regex(clean)}(?![\\w-]))" if clean else "(?!)"
    if config.roles:
        macros["ROLE_NOUN"] = f"(?:{macros['ROLE_NOUN']}|{trie_regex(config.roles)})"
    # Macros may use other macros; expand until stable (a few rounds at most).
    for _ in range(6):
        changed = False
        for key, value in macros.items():
            new = _expand(value, macros)
            if new != value:
                macros[key] = new
                changed = True
        if not changed:
            break
    return macros


_MACRO_RE = re.compile(r"\{([A-Z_]+)\}")


def _expand(pattern: str, macros: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "SUBJ":
            return f"(?P<subj>{macros['SUBJ']})"
        return macros.get(name, m.group(0))

    return _MACRO_RE.sub(sub, pattern)


def _user_rules(config: BlameSettings) -> list[Rule]:
    rules = []
    for category, terms in sorted(config.terms.items()):
        words = [t.strip() for t in terms if t.strip()]
        if not words:
            continue
        triggers = tuple(sorted({re.split(r"\W+", w)[0].lower() for w in words if w[0].isalnum()}))
        pattern = rf"\b(?:{_alternation(re.escape(w) for w in words)})\b"
        rules.append(
            Rule(
                id=f"user-{category.replace('_', '-')}",
                category=category,
                message="'{match}' is on your list of terms that may read as blame",
                suggestion=_CATEGORY_SUGGESTION[category],
                triggers=triggers,
                patterns=(pattern,),
            )
        )
    return rules


_CATEGORY_SUGGESTION = {
    "blame_question": "What allowed this to happen?",
    "human_error": "Our system didn't prevent this error",
    "counterfactual": "What did they know and see at the time?",
    "character_judgement": "Describe the situation and the pressures, not the person",
    "named_cause": "What allowed this to happen?",
    "punishment": "What would make this safe for anyone?",
    "bad_action_item": "Let's make this impossible to get wrong",
}


#: Compiled rule sets by settings (BlameSettings.cache_key()); a few at most in practice.
_RULESETS: dict[tuple[object, ...], _RuleSet] = {}


def _ruleset(config: BlameSettings) -> _RuleSet:
    key = config.cache_key()
    found = _RULESETS.get(key)
    if found is None:
        if len(_RULESETS) >= 32:
            _RULESETS.clear()
        found = _RULESETS[key] = _build_ruleset(config)
    return found


def _build_ruleset(config: BlameSettings) -> _RuleSet:
    macros = _macros(config)
    compiled: list[_Compiled] = []
    for rule in list(load_rules()) + _user_rules(config):
        if rule.id in config.disable or rule.category in config.disable:
            continue
        compiled.append(_Compiled(rule, macros))
    exact: dict[str, set[int]] = {}
    prefixes: dict[str, set[int]] = {}
    for index, item in enumerate(compiled):
        for trig in item.rule.triggers:
            trig = trig.lower()
            if trig.endswith("*"):
                prefixes.setdefault(trig[:-1], set()).add(index)
            else:
                exact.setdefault(trig, set()).add(index)
    # A word that starts with a prefix trigger also triggers the prefix's rules.
    for word, indexes in list(exact.items()) + list(prefixes.items()):
        for prefix, more in prefixes.items():
            if word.startswith(prefix):
                indexes |= more
    body = "|".join(
        part
        for part in (
            f"({trie_regex(exact)})(?!\\w)" if exact else "",
            f"({trie_regex(prefixes)})" if prefixes else "",
        )
        if part
    )
    pattern = rf"(?<!\w)(?:{body})" if body else "(?!)"
    # For lower-cased text, a look-ahead for the triggers' first characters lets ``re``
    # skip the positions no trigger can start at.
    firsts = "".join(sorted({re.escape(t[0]) for t in (*exact, *prefixes) if t}))
    lowered = rf"(?<!\w)(?=[{firsts}])(?:{body})" if body and firsts else pattern
    not_person_list = rules_data().get("subjects", {}).get("not_person", [])
    not_person = (
        re.compile(
            r"(?<![\w-])(?:{})\Z".format("|".join(_expand(p, macros) for p in not_person_list)),
            _FLAGS,
        )
        if not_person_list
        else None
    )
    negation_src = rules_data().get("blameless", {}).get("negation")
    negation = re.compile(_expand(negation_src, macros) + r"\Z", _FLAGS) if negation_src else None
    return _RuleSet(
        rules=compiled,
        trigger_re=re.compile(lowered),
        trigger_re_i=re.compile(pattern, _FLAGS),
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes={k: tuple(v) for k, v in prefixes.items()},
        not_person=not_person,
        negation=negation,
        names=folded_names(config.names),
        by_id={c.rule.id: i for i, c in enumerate(compiled)},
    )


# --------------------------------------------------------------------------- text helpers

# Where a sentence (or a list item, table cell, heading) ends.
# (Every branch starts with a literal character, so ``re`` skips ahead fast.)
_BOUNDARY_RE = re.compile(
    "|".join(re.escape(c) + r"(?=[\"'”’)\]*_]*(?:\s|$))" for c in ".!?;") + r"|\n[ \t]*\n"
    r"|\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|\||>))"
    r"|\|"
    r"|<!--|-->"
)

# Spans that are not the author's own words: code, HTML comments, quotes. One
# alternation whose branches all start with a literal, so ``re`` skips ahead fast.
_QUOTED_RE = re.compile(
    r"```.*?(?:```|\Z)"
    r"|~~~.*?(?:~~~|\Z)"
    r"|<!--.*?(?:-->|\Z)"
    r"|`(`*)[^`].*?`\1"
    r'|"[^"\n]{1,400}"'
    r"|“[^”\n]{1,400}”"
    r"|‘[^’\n]{1,400}’(?!\w)"
    r"|'(?<![\w'’]')(?=[^\s'])[^'\n]{0,400}?(?<=[^\s'])'(?![\w'’])",
    re.DOTALL,
)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


# Scare quotes are the author's own words: a short quoted phrase given as the cause
# ("the outage was blamed on 'human error'", "caused by a "fat finger"", ""Human error"
# was given as the reason") is read, not blanked; quoted speech and a phrase talked
# about ("we don't write "human error"") stay quotes.
_SCARE_MAX_WORDS = 4
_CAUSE_BEFORE_RE = re.compile(
    r"(?:\b(?:caused\s+by|due\s+to|down\s+to|blamed?\s+(?:(?:it|this|that|(?:the|its|their|our)(?:\s+[\w-]+){1,3})\s+)?(?:on|for)|blames|"
    r"pinned\s+on|put\s+down\s+to|attributed\s+to|result\s+of|because\s+of|"
    r"(?:it|this|that|which|cause|outage|incident|failure|problem|issue|crash|glitch|delay|"
    r"error|fault|blackout|disruption|mistake)\s+(?:was|were|is)(?:\s+(?:just|simply|all|an?))*)"
    r"(?:\s+(?:an?|the|some|simple|embarrassing|basic|plain|classic|obvious|pure|\d+%))*\s*)\Z",
    re.IGNORECASE,
)
_CAUSE_AFTER_RE = re.compile(
    r"\s*(?:(?:was|were|is|has\s+been)\s+(?:given\s+as|named\s+as|blamed|the|found|"
    r"identified\s+as|cited\s+as)|caused|led\s+to|triggered|took\s+down|brought\s+down|"
    r"(?:by|on|at)\s+(?:an?\s+|the\s+)?\w+|as\s+the\s+(?:\w+\s+)?(?:cause|reason))",
    re.IGNORECASE,
)


def _scare_quote(text: str, start: int, end: int) -> bool:
    inner = text[start + 1 : end - 1]
    if text[start] in "`<~" or not 1 <= len(inner.split()) <= _SCARE_MAX_WORDS:
        return False
    if any(c in inner for c in "?!.:;"):
        return False
    before = text[max(0, start - 60) : start]
    return bool(_CAUSE_BEFORE_RE.search(before) or _CAUSE_AFTER_RE.match(text, end, end + 60))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED_RE.finditer(text) if not _scare_quote(text, *m.span())]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps any span."""
    i = bisect.bisect_left(spans, (end, end))
    for j in range(i - 1, -1, -1):
        s, e = spans[j]
        if e > start and s < end:
            return True
        if e <= start and j < i - 64:  # spans are sorted by start; stop looking far back
            break
    return False


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class _Sentences:
    """Finds the sentence around an offset (boundaries computed once per text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _BOUNDARY_RE.finditer(text)]
        self.starts: list[int] = [a for a, _ in spans]
        self.ends: list[int] = [b for _, b in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start)
        s = self.ends[i - 1] if i else 0
        j = bisect.bisect_left(self.starts, end)
        if j < len(self.starts):
            b = self.starts[j]
            e = b + 1 if self.text[b] in ".!?;" else b
        else:
            e = len(self.text)
        return s, e


# --------------------------------------------------------------------------- scanning


def _candidates(text: str, rs: _RuleSet) -> Iterator[tuple[int, int, set[int]]]:
    """Yield (sentence start, sentence end, rule indexes) for sentences holding triggers."""
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = rs.trigger_re.finditer(lowered)
    else:
        matches = rs.trigger_re_i.finditer(text)
    cur_s = cur_e = -1
    cur: set[int] = set()
    exact, prefixes = rs.exact, rs.prefixes
    sentences: _Sentences | None = None
    for m in matches:
        word = m.group(1)
        idx = exact[word.lower()] if word is not None else prefixes[m.group(2).lower()]
        if m.start() < cur_e:
            cur.update(idx)
            continue
        if cur:
            yield cur_s, cur_e, cur
        if sentences is None:
            sentences = _Sentences(text)
        cur_s, cur_e = sentences.around(m.start(), m.end())
        cur = set(idx)
    if cur:
        yield cur_s, cur_e, cur


#: How many sentences' rule matches a rule set keeps (then it starts afresh).
_MATCHES_SIZE = 20_000


def _raw_matches(text: str, rs: _RuleSet) -> list[tuple[int, int, int]]:
    """(start, end, rule index) of every rule match, before quote/allow filtering; the
    index is ``~index`` for a match a negation turns round (``[blameless] negation``)."""
    found: list[tuple[int, int, int]] = []
    cache = rs.matches
    for s, e, indexes in _candidates(text, rs):
        sentence = text[s:e]
        key = (sentence, tuple(sorted(indexes)))
        hits = cache.get(key)
        if hits is None:
            if len(cache) >= _MATCHES_SIZE:
                cache.clear()
            hits = cache[key] = _sentence_matches(sentence, key[1], rs)
        found.extend((s + a, s + b, index) for a, b, index in hits)
    return found


def _sentence_matches(
    sentence: str, indexes: tuple[int, ...], rs: _RuleSet
) -> list[tuple[int, int, int]]:
    """(start, end, rule index) of the matches of the rules ``indexes`` in ``sentence``."""
    found: list[tuple[int, int, int]] = []
    for index in indexes:
        item = rs.rules[index]
        exc_spans: list[tuple[int, int]] | None = None
        for pat in item.patterns:
            pos = 0
            while (m := pat.search(sentence, pos)) is not None:
                span = _accept(m, sentence, rs)
                if span is not None and item.exceptions:
                    if exc_spans is None:
                        exc_spans = [
                            x.span() for ex in item.exceptions for x in ex.finditer(sentence)
                        ]
                    if any(a < span[1] and b > span[0] for a, b in exc_spans):
                        span = None
                if span is None:
                    # Rejected: look again from the next character, so a rejected
                    # match cannot hide a real one overlapping it.
                    pos = m.start() + 1
                    continue
                turned = (
                    item.rule.negatable
                    and rs.negation is not None
                    and rs.negation.search(sentence, max(0, span[0] - 80), span[0]) is not None
                )
                # A negated match is kept as ``~index``: no finding, but the sentence
                # counts as matched, so the model adds nothing there either.
                found.append((span[0], span[1], ~index if turned else index))
                pos = max(m.end(), m.start() + 1)
    return found


def _accept(m: re.Match[str], sentence: str, rs: _RuleSet) -> tuple[int, int] | None:
    """The span to report for a match, or None when its subject is not a person."""
    if m.end() == m.start():
        return None
    groups = m.re.groupindex
    if rs.not_person is not None and "subj" in groups and m.group("subj") is not None:
        ss, se = m.span("subj")
        if rs.not_person.search(sentence, max(0, ss - 40), se):
            return None
    given = m.group("given") if "given" in groups else None
    if given is not None and not is_name(given, rs.names):
        return None
    if "hit" in groups and m.group("hit"):
        return m.span("hit")
    return m.span()


def _text_allowed(allow_text: set[tuple[str, str]], rule: str, category: str, matched: str) -> bool:
    """An allowance's text covers a finding when it contains the matched text."""
    norm = _norm(matched)
    return any(r in (rule, category) and norm in t for r, t in allow_text)


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``[start, end)``, as an allowance records it."""
    s, e = _Sentences(text).around(start, end)
    return " ".join(text[s:e].split())


def _allowed_here(
    allowances: list[Allowance], rule: str, category: str, text: str, start: int, end: int
) -> bool:
    """An allowance for text in a sentence covers a finding in that same sentence."""
    sentence = _norm(sentence_of(text, start, end))
    matched = _norm(text[start:end])
    return any(
        a.rule in (rule, category)
        and matched in _norm(a.match or "")
        and _norm(a.context or "") == sentence
        for a in allowances
    )


def preload(config: BlameSettings | None = None) -> None:
    """Compile every rule and load the name list and the model now (e.g. in a background
    thread at start-up), so the first scans do not pay for it. Optional: all of it
    otherwise happens on first use."""
    for item in _ruleset(config or BlameSettings()).rules:
        _ = item.patterns, item.exceptions
    from pmtui.blame import model, names

    names.given_names()
    model.load()


def scan(
    text: str,
    *,
    config: BlameSettings | None = None,
    allowed: Iterable[Allowance] = (),
    statistical: bool = True,
) -> list[Finding]:
    """Find language in ``text`` that may read as blame, in text order.

    Allow comments inside ``text`` are honoured as well as ``allowed``. The checker
    (:class:`pmtui.blame.checker.Checker`) is what the app and lint call; this is the
    engine underneath it: the rules, then (``statistical``) the model of
    :mod:`pmtui.blame.model`, which adds sentences no rule matched and drops rule
    matches in sentences it is sure are blameless.
    """
    if not text:
        return []
    config = config or BlameSettings()
    rs = _ruleset(config)
    norm = normalise(text)
    raw = _raw_matches(norm.text, rs)
    if norm.origin is not None:
        raw = [(*norm.span(s, e), i) for s, e, i in raw]
    use_model = statistical and MODEL_RULE not in config.disable
    if not raw and not use_model:
        return []
    quoted = _quoted_spans(text)
    filters = _Filters(list(allowed) + find_allowances(text))
    raw.sort(key=lambda t: (t[0], -t[1], t[2]))
    lines = _Lines(text)
    findings: list[Finding] = []
    taken: list[tuple[int, int, str]] = []
    for start, end, index in raw:
        if index < 0:  # negated ("it's not the engineer's fault")
            continue
        rule = rs.rules[index].rule
        if _inside(quoted, start, end) or filters.drops(rule.id, rule.category, text, start, end):
            continue
        # One finding per category for overlapping text (the earliest, longest wins).
        if any(c == rule.category and a < end and b > start for a, b, c in taken[-8:]):
            continue
        taken.append((start, end, rule.category))
        message = rule.message.replace("{match}", " ".join(text[start:end].split()))
        findings.append(
            make_finding(text, start, end, rule.id, rule.category, message, rule.suggestion, lines)
        )
    if use_model:
        from pmtui.blame.statistical import apply_model

        matched = sorted(start for start, _, _ in raw)
        findings = apply_model(
            text, norm, findings, matched, rs.names, config, filters, lines, quoted
        )
    return findings


class _Filters:
    """The allowances that apply to one scan (allow comments and ``allowed``)."""

    def __init__(self, allowances: list[Allowance]) -> None:
        self.allow_all: set[str] = set()
        self.allow_text: set[tuple[str, str]] = set()
        self.in_context: list[Allowance] = []
        for a in allowances:
            if a.match is None:
                self.allow_all.add(a.rule)
            elif a.context is None:
                self.allow_text.add((a.rule, _norm(a.match)))
            else:
                self.in_context.append(a)

    def drops(self, rule: str, category: str, text: str, start: int, end: int) -> bool:
        """Whether an allowance covers the finding of ``rule`` at ``text[start:end]``."""
        if rule in self.allow_all or category in self.allow_all:
            return True
        if self.allow_text and _text_allowed(self.allow_text, rule, category, text[start:end]):
            return True
        return bool(self.in_context) and _allowed_here(
            self.in_context, rule, category, text, start, end
        )


def make_finding(
    text: str,
    start: int,
    end: int,
    rule: str,
    category: str,
    message: str,
    suggestion: str,
    lines: _Lines | None = None,
) -> Finding:
    """A finding for ``text[start:end]`` with its line and column worked out."""
    lines = lines or _Lines(text)
    line, col = lines.position(start)
    end_line, end_col = lines.position(end)
    return Finding(
        rule=rule,
        category=category,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        start=start,
        end=end,
        match=text[start:end],
        message=message,
        suggestion=suggestion,
    )
