"""The spec's words for the meeting room: ground rules, the psychological-safety
contract, facilitation tips, and which facilitation question fits the moment."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: "The Post-Mortem Meeting: Ground Rules", in the spec's order.
GROUND_RULES: tuple[tuple[str, str], ...] = (
    ("No blame.", "Period. If someone starts blaming, redirect to systems."),
    (
        "Assume good intent.",
        "Everyone was trying to do their best with the information they had.",
    ),
    ("Focus forward.", "We can't change the past; we can improve the future."),
    ("Celebrate learning.", "The incident taught us something valuable."),
)

#: "The Psychological Safety Contract": what we promise.
SAFETY_PROMISES: tuple[tuple[str, str], ...] = (
    ("No retaliation", "for reporting incidents or mistakes"),
    ("No public shaming", "of individuals involved in incidents"),
    ("No career consequences", "for good-faith errors"),
    ("Full support", "for anyone who raises concerns early"),
)

#: ... and what we expect.
SAFETY_EXPECTATIONS: tuple[tuple[str, str], ...] = (
    ("Honest reporting", "of what happened"),
    ("Active participation", "in finding systemic fixes"),
    ("Follow-through", "on assigned action items"),
    ("Sharing learnings", "with the broader team"),
)

ASK_PROCESS = "What process allowed this to happen?"
ASK_BUILD = "What can we build to prevent this error?"
ASK_IMPOSSIBLE = "What would have made this impossible?"


@dataclass(frozen=True)
class Tip:
    when: str
    ask: str
    #: The tip in one short line, for narrow screens.
    short: str


#: The spec's "Facilitation Tips".
FACILITATION_TIPS: tuple[Tip, ...] = (
    Tip("If discussion turns to individuals, ask:", ASK_PROCESS, "if talk turns to people"),
    Tip('If someone says "human error," ask:', ASK_BUILD, "if “human error” is said"),
    Tip("If the room goes quiet, ask:", ASK_IMPOSSIBLE, "if the room goes quiet"),
)

#: On narrow screens one tip is shown at a time, changing this often (seconds).
TIP_SECONDS = 30.0


def tip_at(seconds: float) -> Tip:
    """The tip to show ``seconds`` into the meeting (they take turns)."""
    return FACILITATION_TIPS[int(max(0.0, seconds) // TIP_SECONDS) % len(FACILITATION_TIPS)]


#: Seconds without an edit, while the clock runs, before the room counts as quiet.
QUIET_SECONDS = 90.0


#: Checks on action items that are not blame (no owner, no due date, overdue).
HOUSEKEEPING_CATEGORIES = frozenset({"action_item"})


def _is_human_error(category: str, match: str) -> bool:
    words = f"{category} {match}".lower().replace("_", " ").replace("-", " ")
    return "human" in words or "mistake" in words or "operator error" in words


def facilitation_question(
    warnings: Iterable[tuple[str, str]], quiet_seconds: float = 0.0
) -> str | None:
    """The question to put to the room now, or ``None``.

    ``warnings`` are blame findings in the current step as ``(category,
    matched text)`` pairs. Human-error wording gets "What can we build to
    prevent this error?"; a "be more careful" action item gets "What would have
    made this impossible?"; any other blame gets "What process allowed this to
    happen?". With no blame, a room quiet for :data:`QUIET_SECONDS` gets "What
    would have made this impossible?". Housekeeping checks (an action item
    without an owner) ask nothing.
    """
    found = [(c, m) for c, m in warnings if c not in HOUSEKEEPING_CATEGORIES]
    if any(_is_human_error(category, match) for category, match in found):
        return ASK_BUILD
    if found and all(category == "bad_action_item" for category, _ in found):
        return ASK_IMPOSSIBLE
    if found:
        return ASK_PROCESS
    if quiet_seconds >= QUIET_SECONDS:
        return ASK_IMPOSSIBLE
    return None
