"""The live blame warnings of the field being edited: matched words, category,
and the blameless reframe, with a way to allow a warning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import Button, Static

from pmtui.tui.messages import AllowFinding

if TYPE_CHECKING:
    from pmtui.blame import Finding


def describe(finding: Finding) -> str:
    """One finding as markup: the words, the category, the reframe."""
    text = f"[b $warning]⚠ “{escape(finding.match)}”[/] [dim]({escape(finding.category)})[/]"
    text += f" {escape(finding.message)}"
    if finding.suggestion:
        text += f"\n   [b $success]→ {escape(finding.suggestion)}[/]"
    return text


class WarningPanel(Vertical):
    """Shows the warnings of one field; ``show()`` replaces them."""

    DEFAULT_CSS = """
    WarningPanel {
        height: auto; max-height: 8; padding: 0 1;
        border-top: hkey $warning 60%; background: $panel;
    }
    WarningPanel.-clear { border-top: hkey $success 40%; }
    WarningPanel #warning-head { height: 1; }
    WarningPanel #warning-title { width: 1fr; color: $text-muted; }
    WarningPanel #warning-allow { display: none; }
    WarningPanel.-has-findings #warning-allow { display: block; }
    WarningPanel #warning-body { height: auto; max-height: 6; overflow-y: auto; }
    """

    def __init__(self, *, id: str | None = "warnings") -> None:
        super().__init__(id=id, classes="-clear")
        #: The field whose warnings are shown, its label, and the findings.
        self.field: str | None = None
        self.label = ""
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="warning-head"):
            yield Static("Blame warnings appear here as you type.", id="warning-title")
            yield Button("Allow (ctrl+l)", id="warning-allow", compact=True)
        yield Static("", id="warning-body")

    def reset(self) -> None:
        """No field selected: explain what the panel is for."""
        self.field, self.label, self.findings = None, "", []
        self.set_class(False, "-has-findings")
        self.set_class(True, "-clear")
        self.query_one("#warning-title", Static).update(
            "Blame warnings for the field you edit appear here."
        )
        body = self.query_one("#warning-body", Static)
        body.update("")
        body.display = False

    def show(self, field: str, label: str, findings: list[Finding]) -> None:
        if (field, label, findings) == (self.field, self.label, self.findings):
            return  # nothing new: no redraw, no layout (this runs after every keystroke)
        self.field, self.label, self.findings = field, label, list(findings)
        title = self.query_one("#warning-title", Static)
        body = self.query_one("#warning-body", Static)
        count = len(findings)
        self.set_class(count > 0, "-has-findings")
        self.set_class(count == 0, "-clear")
        if count:
            plural = "s" if count != 1 else ""
            title.update(f"[b]{escape(label)}[/b]: {count} blame warning{plural}")
            body.update("\n".join(describe(f) for f in findings))
        else:
            title.update(f"[b]{escape(label)}[/b]: no blame warnings")
            body.update("")
        body.display = count > 0

    def text(self) -> str:
        """Everything shown, as plain text (for tests and benchmarks)."""
        title = self.query_one("#warning-title", Static).render()
        body = self.query_one("#warning-body", Static).render()
        return f"{title}\n{body}"

    @on(Button.Pressed, "#warning-allow")
    def _allow(self) -> None:
        if self.findings:
            self.post_message(AllowFinding(self.findings[0], self.field))
