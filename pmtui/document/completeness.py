"""How complete a post-mortem is: a checklist per wizard step. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from pmtui.document.model import STEPS, Postmortem


@dataclass(frozen=True)
class CheckItem:
    """One thing a complete post-mortem has; ``field`` is where to fix it."""

    step: str
    label: str
    done: bool
    field: str


def checklist(doc: Postmortem) -> list[CheckItem]:
    """Every checklist item, in step order."""
    items: list[CheckItem] = []

    def add(step: str, label: str, done: bool, field: str) -> None:
        items.append(CheckItem(step, label, done, field))

    add("facts", "Title", bool(doc.title.strip()), "title")
    add("facts", "Date", doc.date is not None, "date")
    add("facts", "Duration", bool(doc.duration.strip()), "duration")
    add("facts", "Severity", doc.severity is not None, "severity")
    add("facts", "Author", bool(doc.author.strip()), "author")
    add("facts", "Summary", bool(doc.summary.strip()), "summary")
    add("facts", "Customer impact", bool((doc.impact or "").strip()), "impact")

    add("timeline", "At least one timeline row", bool(doc.timeline), "timeline")
    empty = [i for i, row in enumerate(doc.timeline) if not row.event.strip()]
    add(
        "timeline",
        "Every row says what happened",
        bool(doc.timeline) and not empty,
        f"timeline[{empty[0]}].event" if empty else "timeline",
    )

    for i in range(5):
        answer = doc.five_whys[i] if i < len(doc.five_whys) else ""
        add("whys", f"Why {i + 1} answered", bool(answer.strip()), f"five_whys[{i}]")

    add("gaps", "At least one process gap", bool(doc.gaps), "gaps")
    untyped = [i for i, gap in enumerate(doc.gaps) if gap.type is None]
    add(
        "gaps",
        "Every gap has a type",
        bool(doc.gaps) and not untyped,
        f"gaps[{untyped[0]}].text" if untyped else "gaps",
    )

    acts = doc.action_items
    add("actions", "At least one action item", bool(acts), "action_items")
    for label, attr in (
        ("an owner", "owner"),
        ("a due date", "due"),
        ("a verification", "verification"),
    ):
        missing = [i for i, item in enumerate(acts) if not _filled(getattr(item, attr))]
        target = f"action_items[{missing[0]}].{attr}" if missing else "action_items"
        add("actions", f"Every action item has {label}", bool(acts) and not missing, target)

    has_learning = any(x.strip() for x in doc.learnings)
    add("learnings", "At least one key learning", has_learning, "learnings")
    return items


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def step_checklist(doc: Postmortem, step: str) -> list[CheckItem]:
    """The checklist items of one step (the review step has none of its own)."""
    return [item for item in checklist(doc) if item.step == step]


def step_complete(doc: Postmortem, step: str) -> bool:
    """True when every item of the step is done; review needs every other step."""
    if step == "review":
        return all(step_complete(doc, s) for s in STEPS if s != "review")
    return all(item.done for item in step_checklist(doc, step))


def percent_complete(doc: Postmortem) -> int:
    """Share of checklist items done, 0-100."""
    items = checklist(doc)
    return round(100 * sum(item.done for item in items) / len(items)) if items else 0


def completed_steps(doc: Postmortem) -> dict[str, bool]:
    """Every step's :func:`step_complete`, from one pass over the checklist."""
    done: dict[str, bool] = {step: True for step in STEPS}
    for item in checklist(doc):
        done[item.step] = done[item.step] and item.done
    done["review"] = all(done[s] for s in STEPS if s != "review")
    return done
