"""Step 3 of the spec: Identify Process Gaps - each with a type and its fix category."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Select, Static

from pmtui.document.model import GAP_TYPES, GapType, ProcessGap
from pmtui.tui.widgets.fields import BlameInput, FieldCheckbox, FieldSelect
from pmtui.tui.widgets.steps.base import ListStepPane


def fix_label(gap_type: GapType | None) -> str:
    return f"Fix: {gap_type.fix_category}" if gap_type else "Fix: choose a type"


class GapsPane(ListStepPane):
    STEP = "gaps"
    TITLE = "4 · Process gaps"
    ITEM_NAME = "gap"
    GUIDANCE = (
        "[b]Every incident reveals one or more gaps.[/b]\n\n"
        + "\n".join(
            f"[b]{t.value}[/b]\u00a0→ {info.fix_category}\n\u00a0\u00a0e.g. {info.example}"
            for t, info in GAP_TYPES.items()
        )
        + "\n\nName the gap in the system, not the person: "
        '"What process gap let this through?"'
    )
    GUIDANCE_SHORT = (
        "Gaps in the [b]system[/b]: Detection, Prevention, Recovery, Communication, Knowledge."
    )

    def rows(self) -> list[ProcessGap]:
        return self.doc.gaps

    def set_rows(self, rows: list[ProcessGap]) -> None:
        self.doc.gaps = rows

    def new_row(self, after: int | None) -> ProcessGap:
        return ProcessGap(text="")

    def compose_row(self, index: int) -> ComposeResult:
        gap = self.doc.gaps[index]
        yield BlameInput(
            f"gaps[{index}].text",
            f"Gap {index + 1}",
            gap.text,
            id=f"gap-{index}",
            placeholder="e.g. No alert for this failure mode",
        )
        with Horizontal(classes="gap-meta"):
            yield FieldSelect(
                f"gaps[{index}].type",
                [(t.value, t) for t in GapType],
                row_index=index,
                value=gap.type if gap.type else Select.NULL,
                prompt="Gap type",
                id=f"gap-type-{index}",
                classes="gap-type",
            )
            yield Static(fix_label(gap.type), id=f"gap-fix-{index}", classes="gap-fix")
            yield FieldCheckbox(
                f"gaps[{index}].done",
                "Fixed",
                gap.done,
                row_index=index,
                id=f"gap-done-{index}",
                classes="gap-done",
            )

    @on(Select.Changed, ".gap-type")
    def _type_changed(self, event: Select.Changed) -> None:
        assert isinstance(event.select, FieldSelect)
        index = event.select.row_index
        value = event.value if isinstance(event.value, GapType) else None
        self.query_one(f"#gap-fix-{index}", Static).update(fix_label(value))
        if not self.session.read_only and self.doc.gaps[index].type != value:
            self.doc.gaps[index].type = value
            self.edited(f"gaps[{index}].type")

    @on(Checkbox.Changed, ".gap-done")
    def _done_changed(self, event: Checkbox.Changed) -> None:
        assert isinstance(event.checkbox, FieldCheckbox)
        index = event.checkbox.row_index
        if not self.session.read_only and self.doc.gaps[index].done != event.value:
            self.doc.gaps[index].done = event.value
            self.edited(f"gaps[{index}].done")
