"""Insights: what the post-mortems say together: severities and months, process gaps by
type with their fix categories, follow-through (opened, done, completion rate, median days
to done, overdue by owner) and the key learnings' most frequent words.

The numbers are :mod:`pmtui.repo.report` (the same as ``pmtui report``); the charts are
textual-plotext bar charts (they follow the app's theme). This screen only shows them."""

from __future__ import annotations

import math
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from pmtui.repo.render import median_words
from pmtui.repo.report import Report
from pmtui.tui.app import pmtui_app

#: Months shown in the by-month chart (the most recent ones); the report has them all.
CHART_MONTHS = 12
#: Owners shown in the overdue chart (the text below lists them all).
OWNERS = 5


class InsightsScreen(Screen[None]):
    """The report across every post-mortem, with charts."""

    DEFAULT_CSS = """
    InsightsScreen #insights-body { height: 1fr; padding: 0 1; }
    InsightsScreen #insights-numbers { height: auto; }
    InsightsScreen .number {
        width: 1fr; height: 4; padding: 0 1; margin: 0 1 1 0;
        border: round $primary 60%; content-align: center middle; text-align: center;
    }
    InsightsScreen #insights-charts {
        grid-size: 2; grid-gutter: 0 1; grid-rows: 16; height: auto;
    }
    InsightsScreen #insights-charts.-narrow { grid-size: 1; }
    InsightsScreen .chart { height: 16; border: round $panel; }
    InsightsScreen PlotextPlot { height: 1fr; }
    InsightsScreen #insights-text { height: auto; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "back", "Home", id="insights.back", tooltip="Back to the list"),
        Binding("r", "reload", "Reload", id="insights.reload", tooltip="Read the folder again"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights-body"):
            with Horizontal(id="insights-numbers"):
                for name in ("postmortems", "actions", "completion", "median", "overdue"):
                    yield Static("…", id=f"number-{name}", classes="number")
            with Grid(id="insights-charts"):
                for name in ("severity", "month", "gaps", "owners"):
                    with Vertical(classes="chart"):
                        yield PlotextPlot(id=f"chart-{name}")
            yield Static("Reading the post-mortems…", id="insights-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "across every post-mortem"
        self.call_after_refresh(self.action_reload)

    def on_resize(self) -> None:
        self.query_one("#insights-charts").set_class(self.size.width < 100, "-narrow")

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="insights")
    def _load(self) -> None:
        from pmtui.repo import gitdates, report
        from pmtui.repo.index import Index

        app = pmtui_app(self)
        folder = app.settings.drafts_dir()
        try:
            entries = Index(folder).refresh(warnings=False)
            built = report.build(entries, today=app.today(), done_dates=gitdates.done_dates(folder))
            problem = None
        except Exception as exc:  # noqa: BLE001 - the screen must always show
            built, problem = None, f"Could not read the post-mortems: {exc}"
        self.app.call_from_thread(self._show, built, folder, problem)

    def _show(self, report: Report | None, folder: Path, problem: str | None) -> None:
        self.loaded = True
        if problem or report is None:
            self.notify(problem or "nothing to show", severity="error", markup=False)
            return
        self.report = report
        rate = report.completion_rate
        median = report.median_days_to_done
        numbers = {
            "postmortems": f"[b]{report.postmortems}[/b]\npost-mortems",
            "actions": f"[b]{report.done}/{report.actions}[/b]\naction items done",
            "completion": f"[b]{'–' if rate is None else f'{rate:.0%}'}[/b]\ncompletion rate",
            "median": f"[b]{'–' if median is None else f'{median:g} d'}[/b]\nmedian to done",
            "overdue": f"[b]{report.overdue}[/b]\noverdue",
        }
        for name, text in numbers.items():
            self.query_one(f"#number-{name}", Static).update(text)
        months = list(report.by_month.items())[-CHART_MONTHS:]
        self._bars("severity", "Post-mortems by severity", report.by_severity)
        self._bars("month", f"By month (last {CHART_MONTHS})", dict(months))
        short = {"Communication": "Comms", "Prevention": "Prevent", "Detection": "Detect"}
        gaps = {short.get(g.type, g.type): g.total for g in report.gaps}
        self._bars("gaps", "Process gaps by type", gaps)
        owners = {o.owner: o.overdue for o in report.overdue_by_owner[:OWNERS]}
        self._bars("owners", f"Overdue by owner (top {OWNERS})", owners or {"(none)": 0})
        self.query_one("#insights-text", Static).update(self._text(report, folder))

    def _bars(self, name: str, title: str, values: dict[str, int]) -> None:
        """A vertical bar chart (plotext's horizontal bars run past their frame at these
        sizes, so every chart is vertical; long names are in the text below)."""
        plot = self.query_one(f"#chart-{name}", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        labels = list(values) or ["(none)"]
        counts = list(values.values()) or [0]
        plt.bar(labels, counts, width=0.6)
        # plotext centres bars on their ticks and lets the last reach past the frame:
        # half a bar of room at each end; whole-number ticks on the count axis.
        most = max(counts)
        step = max(1, math.ceil(most / 4))
        plt.xlim(0.5, len(labels) + 0.5)
        plt.ylim(0, max(1, most) * 1.1)
        plt.yticks(list(range(0, most + step, step)))
        plt.title(title)
        plot.refresh()

    def _text(self, report: Report, folder: Path) -> str:
        lines = [f"[b]Follow-through[/b]: {escape(median_words(report))}"]
        lines.append(
            f"{report.actions} opened · {report.done} done · {report.in_progress} in progress · "
            f"{report.pending} pending"
        )
        gaps = ", ".join(
            f"{g.type} → {g.fix_category}: {g.total} ({g.fixed} fixed)" for g in report.gaps
        )
        lines.append(f"[b]Process gaps[/b]: {escape(gaps)}")
        if report.overdue_by_owner:
            owners = ", ".join(
                f"{o.owner} {o.overdue} (most {o.most_days} d)" for o in report.overdue_by_owner
            )
            lines.append(f"[b]Overdue by owner[/b]: {escape(owners)}")
        words = ", ".join(f"{w} ({n})" for w, n in report.learning_words)
        lines.append(f"[b]Key learnings' words[/b]: {escape(words) or '(none yet)'}")
        if report.unreadable:
            lines.append(f"[$warning]{len(report.unreadable)} file(s) could not be read[/]")
        lines.append(f"[dim]{escape(str(folder))} · pmtui report --format html for a page[/]")
        return "\n".join(lines)
