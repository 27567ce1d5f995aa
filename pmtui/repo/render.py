"""``pmtui report`` as text or as a standalone HTML page with inline SVG charts (no
script, no CDN: it works offline and from a CI artifact). The HTML is rendered by the one
Jinja environment (:mod:`pmtui.document.templates`, ``templates/report.html.j2``); this
module only works out the charts' geometry. No Textual here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pmtui import __version__
from pmtui.repo.report import Report

#: Widest text bar, in characters.
BAR_WIDTH = 32
_EIGHTHS = " ▏▎▍▌▋▊▉"


def text_bar(value: float, most: float, width: int = BAR_WIDTH) -> str:
    """A bar of Unicode blocks, ``width`` characters for ``most`` (eighths of a block)."""
    if most <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / most * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def median_words(report: Report) -> str:
    """The median days to done, and what it is measured on, in words."""
    done = report.done
    dated = len(report.days_to_done)
    if not done:
        return "no action item is done yet"
    if not dated:
        why = report.done_dates_note or "no done item is committed yet"
        return f"not measurable: {why} (done dates come from git history)"
    median = report.median_days_to_done
    assert median is not None
    text = f"{median:g} days (from git history, {dated} dated done item{'s' if dated != 1 else ''}"
    missing = report.done_undated
    if missing:
        text += f"; {missing} done item{'s' if missing != 1 else ''} not dated: not committed yet"
    return text + ")"


def text(report: Report, folder: Path) -> str:
    """The report as plain text with Unicode bars."""
    out: list[str] = []
    since = f" dated {report.since.isoformat()} or later" if report.since else ""
    count = report.postmortems
    out.append(f"pmtui report: {count} post-mortem{'s' if count != 1 else ''}{since} in {folder}")
    out.append(f"(today {report.today.isoformat()})")

    def bars(title: str, values: dict[str, int]) -> None:
        out.append("")
        out.append(title)
        if not values:
            out.append("  (none)")
            return
        most = max(values.values())
        width = max(len(k) for k in values)
        for key, value in values.items():
            out.append(f"  {key:<{width}}  {value:>4}  {text_bar(value, most)}")

    bars("By severity", report.by_severity)
    months = dict(report.by_month)
    if report.undated:
        months["no date"] = report.undated
    bars("By month", months)

    out.append("")
    out.append("Process gaps (type -> fix category: found, fixed)")
    width = max(len(f"{g.type} -> {g.fix_category}") for g in report.gaps)
    for gap in report.gaps:
        label = f"{gap.type} -> {gap.fix_category}"
        out.append(f"  {label:<{width}}  {gap.total:>4} found, {gap.fixed:>3} fixed")
    if report.untyped_gaps:
        out.append(f"  {'(no type)':<{width}}  {report.untyped_gaps:>4} found")

    out.append("")
    out.append("Action items")
    out.append(
        f"  {report.actions} opened, {report.done} done, {report.in_progress} in progress, "
        f"{report.pending} pending; completion rate {_percent(report.completion_rate)}"
    )
    out.append(f"  Median days from post-mortem to done: {median_words(report)}")
    months_all = sorted(set(report.opened_by_month) | set(report.done_by_month))
    if months_all:
        out.append("  Month     opened  done")
        for month in months_all:
            out.append(
                f"  {month}  {report.opened_by_month.get(month, 0):>6}  "
                f"{report.done_by_month.get(month, 0):>4}"
            )

    out.append("")
    out.append(f"Overdue by owner ({report.overdue} overdue)")
    if not report.overdue_by_owner:
        out.append("  (none)")
    for owner in report.overdue_by_owner:
        out.append(f"  {owner.owner:<24} {owner.overdue:>3}  (most {owner.most_days} days late)")

    out.append("")
    out.append("Key learnings: most frequent words")
    words = ", ".join(f"{w} ({n})" for w, n in report.learning_words)
    out.append(f"  {words or '(none)'}")
    if report.unreadable:
        out.append("")
        n = len(report.unreadable)
        out.append(f"{n} file{'s' if n != 1 else ''} could not be read (see above)")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- SVG charts


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    width: float


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart's geometry, drawn by ``report.html.j2``."""

    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    bar_height: int
    #: Where a bar may reach (its value's text goes after it).
    plot_width: int


def bar_chart(title: str, values: dict[str, int], *, width: int = 560) -> Chart:
    """Bars for ``values``, scaled so the largest fills the plot."""
    bar_height, gap = 18, 6
    label_width = 8 + 7 * max((len(k) for k in values), default=4)
    plot_width = width - label_width - 48
    most = max(values.values(), default=0)
    bars = tuple(
        Bar(label, value, i * (bar_height + gap), plot_width * value / most if most else 0)
        for i, (label, value) in enumerate(values.items())
    )
    height = max(1, len(bars)) * (bar_height + gap)
    return Chart(title, bars, width, height, label_width, bar_height, plot_width)


def html(report: Report, folder: Path) -> str:
    """A standalone HTML page: the numbers, and inline SVG bar charts."""
    from pmtui.document.templates import render

    months = dict(report.by_month)
    if report.undated:
        months["no date"] = report.undated
    charts = [
        bar_chart("Post-mortems by severity", report.by_severity),
        bar_chart("Post-mortems by month", months),
        bar_chart(
            "Process gaps by type",
            {f"{g.type} ({g.fix_category})": g.total for g in report.gaps},
        ),
        bar_chart(
            "Action items by status",
            {"Done": report.done, "In progress": report.in_progress, "Pending": report.pending},
        ),
    ]
    if report.overdue_by_owner:
        charts.append(
            bar_chart("Overdue by owner", {o.owner: o.overdue for o in report.overdue_by_owner})
        )
    return render(
        "report.html.j2",
        report=report,
        folder=str(folder),
        charts=charts,
        completion=_percent(report.completion_rate),
        median=median_words(report),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
    )
