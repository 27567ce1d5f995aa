"""The meeting room's block font: sizes grow with the space, every line is as wide as
promised, and a name wraps at spaces."""

from __future__ import annotations

import pytest

from pmtui.meeting import font


@pytest.mark.parametrize("scale", [1, 2, 3, 4, 5])
def test_rendered_size_matches_the_promised_size(scale: int) -> None:
    lines = font.render("+12:34", scale)
    assert len(lines) == font.rows_for(scale)
    assert {len(line) for line in lines} == {font.width_for("+12:34", scale)}


def test_every_digit_is_as_wide_so_the_clock_does_not_jump() -> None:
    assert {font.pixel_width(d) for d in "0123456789"} == {3}


def test_digits_are_distinct() -> None:
    drawn = {font.render(d, 1).__repr__() for d in "0123456789"}
    assert len(drawn) == 10


def test_the_scale_grows_with_the_space() -> None:
    # 80x24: three rows; a 200x55 projector: at least nine rows.
    assert font.rows_for(font.fit_scale("+00:00", 23, 6)) == 3
    assert font.rows_for(font.fit_scale("+00:00", 97, 15)) >= 9
    assert font.fit_scale("+00:00", 10, 10) == 0


def test_a_name_wraps_at_spaces_and_fits() -> None:
    scale, lines = font.fit_lines("Walk through Five Whys", 60, 12)
    assert scale >= 1 and " ".join(lines) == "Walk through Five Whys"
    assert all(font.width_for(line, scale) <= 60 for line in lines)
    assert len(lines) * font.rows_for(scale) + len(lines) - 1 <= 12
    assert font.fit_lines("Walk through Five Whys", 8, 40) == (0, [])


def test_lowercase_is_drawn_in_capitals_and_unknown_characters_as_a_question_mark() -> None:
    assert font.render("abc", 1) == font.render("ABC", 1)
    assert font.render("~", 1) == font.render("?", 1)
