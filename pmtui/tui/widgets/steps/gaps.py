"""Step 3 of the spec: Identify Process Gaps - each with a type and its fix category."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Select, Static

from pmtui.document.model import GAP_TYPES, GapType, ProcessGap
from pmtui.tui.widgets.fields import FieldCheckbox, FieldInput, FieldSelect, as_choice
from pmtui.tui.widgets.steps.base import ListStepPane


def fix_label(gap_type: GapType | None) -> str:
    if gap_type is None:
        return "Fix category: choose the gap's type"
    return f"Fix category: {gap_type.fix_category}"


def done_label(done: bool) -> str:
    """The checkbox says it in words too, not only by colour."""
    return "Fixed ✓" if done else "Not fixed yet"


#: Widest "Detection" … "Communication" type name, for the table's column.
TYPE_WIDTH = max(len(t.value) for t in GapType)


class GapsPane(ListStepPane):
    STEP = "gaps"
    TITLE = "4 · Process gaps"
    FIELD = "gaps"
    ITEM_NAME = "gap"
    ROW_LABEL = "Gap"
    HEADER = f"    {'Type':<{TYPE_WIDTH}}  Gap  (→ fix category)"
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

    def new_row(self, after: int | None) -> ProcessGap:
        return ProcessGap(text="")

    def render_row(self, index: int) -> Content:
        gap = self.doc.gaps[index]
        mark = Content.from_markup("[$success]✓[/] ") if gap.done else Content("☐ ")
        kind = gap.type.value if gap.type else "(no type)"
        text = gap.text.replace("\n", " ") or "…"
        fix = f"  → {gap.type.fix_category}" if gap.type else ""
        return Content.assemble(
            mark,
            Content.styled(f"{kind:<{TYPE_WIDTH}}  ", "bold" if gap.type else "dim"),
            Content(text),
            Content.styled(fix, "dim"),
        )

    def row_texts(self, index: int) -> list[tuple[str, str]]:
        return [(f"gaps[{index}].text", self.doc.gaps[index].text)]

    def compose_editor(self) -> ComposeResult:
        yield self.text_field(
            "gaps[0].text", "Gap 1", "", id="gap", placeholder="e.g. No alert for this failure mode"
        )
        with Horizontal(classes="gap-meta"):
            yield FieldSelect(
                "gaps[0].type",
                [(t.value, t) for t in GapType],
                value=Select.NULL,
                prompt="Gap type",
                id="gap-type",
                classes="gap-type",
                on_edit=self._type_edited,
            )
            yield FieldCheckbox(
                "gaps[0].done",
                "Not fixed yet",
                False,
                id="gap-done",
                classes="gap-done",
                on_edit=self._done_edited,
            )
        yield Static(fix_label(None), id="gap-fix", classes="gap-fix")

    def load_row(self, index: int) -> None:
        gap = self.doc.gaps[index]
        self.query_one("#gap", FieldInput).load(
            gap.text, field_path=f"gaps[{index}].text", label=self.row_label(index)
        )
        self.query_one("#gap-type", FieldSelect).load(gap.type, field_path=f"gaps[{index}].type")
        self.query_one("#gap-fix", Static).update(fix_label(gap.type))
        done = self.query_one("#gap-done", FieldCheckbox)
        done.load(gap.done, field_path=f"gaps[{index}].done")
        done.label = done_label(gap.done)

    def _type_edited(self, value: Any) -> None:
        index = self.current
        if self.session.read_only or not 0 <= index < len(self.doc.gaps):
            return
        gap_type = as_choice(GapType, value)
        self.query_one("#gap-fix", Static).update(fix_label(gap_type))
        if self.doc.gaps[index].type != gap_type:
            self.doc.gaps[index].type = gap_type
            self.row_edited(f"gaps[{index}].type")

    def _done_edited(self, value: Any) -> None:
        index = self.current
        if self.session.read_only or not 0 <= index < len(self.doc.gaps):
            return
        self.query_one("#gap-done", FieldCheckbox).label = done_label(bool(value))
        if self.doc.gaps[index].done != bool(value):
            self.doc.gaps[index].done = bool(value)
            self.row_edited(f"gaps[{index}].done")
