"""`pmtui lint` for CI and editors: GitHub annotations that parse as GitHub's workflow
commands, SARIF valid against the SARIF 2.1.0 schema, rule selection, rule docs,
suppression comments, stdin names and .gitignore-aware folders."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from pmtui.blame.formats import escape_data, escape_property
from pmtui.cli import main

SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")

NOTES = """\
Intro line.
So who broke prod?
<!-- pmtui: ignore-next-line -->
Bob should have checked the lag.
Then, 50% of requests: failed, and Dana should have paged someone.
<!-- pmtui: off -->
Heads will roll.
This was human error.
<!-- pmtui: on -->
Retrain the on-call.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- GitHub


_COMMAND_RE = re.compile(r"^::(?P<command>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def _unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as GitHub's runner reads it (``::name k=v,k=v::data``): the
    properties are split on ``,`` and ``=`` *before* unescaping, so an unescaped ``,``
    or ``:`` in a value would break it."""
    match = _COMMAND_RE.match(line)
    assert match, f"not a workflow command: {line!r}"
    props: dict[str, str] = {}
    for pair in (match.group("props") or "").split(","):
        key, sep, value = pair.partition("=")
        assert sep and key, f"bad property {pair!r} in {line!r}"
        props[key] = _unescape_property(value)
    return match.group("command"), props, _unescape_data(match.group("data"))


def test_github_annotations_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs, 100%: notes"  # a name that needs escaping in properties
    folder.mkdir()
    (folder / "n.md").write_text(NOTES, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "github", str(folder))
    assert code == 1
    parsed = [parse_annotation(line) for line in out.splitlines()]
    assert [p[0] for p in parsed] == ["warning"] * 3
    for _, props, data in parsed:
        assert set(props) == {"file", "line", "col", "endLine", "endColumn", "title"}
        assert props["file"] == "docs, 100%: notes/n.md"  # relative to the cwd
        assert "(try: " in data
    lines = [int(p[1]["line"]) for p in parsed]
    assert lines == [2, 5, 10]  # 4 is ignored, 7-8 are off
    _, props, data = parsed[0]
    assert (props["col"], props["endColumn"], props["title"]) == (
        "4", "13", "pmtui blame_question/who-caused"
    )  # fmt: skip


def test_github_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # the message keeps ':' and ','


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_2_1_0_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pm dir").mkdir()
    (tmp_path / "pm dir" / "n.md").write_text(NOTES, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "sarif", "pm dir")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    [run_] = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "should-have" in ids and "action-no-owner" in ids and len(ids) == len(set(ids))
    assert all(r["properties"]["category"] for r in rules)
    results = run_["results"]
    assert len(results) == 3
    first = results[0]
    assert first["ruleId"] == "who-caused" and first["level"] == "warning"
    assert ids[first["ruleIndex"]] == "who-caused"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "pm%20dir/n.md"
    assert location["region"] == {
        "startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 13,
        "snippet": {"text": "who broke"},
    }  # fmt: skip


def test_sarif_with_no_findings_is_valid_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    path = tmp_path / "ok.md"
    path.write_text("All good.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "sarif", str(path))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(out))
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


# --------------------------------------------------------------------------- selection


def test_select_ignore_and_typos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "n.md"
    path.write_text(NOTES, encoding="utf-8")

    def rules(*args: str) -> list[str]:
        _, out, _ = run(capsys, "--format", "json", *args, str(path))
        return [f["rule"] for f in json.loads(out)]

    assert rules() == ["who-caused", "should-have", "retrain"]
    assert rules("--select", "counterfactual") == ["should-have"]
    assert rules("--select", "who-caused,retrain") == ["who-caused", "retrain"]
    assert rules("--ignore", "counterfactual", "--ignore", "retrain") == ["who-caused"]
    code, out, err = run(capsys, "--select", "counterfactul", str(path))
    assert (code, out) == (2, "")
    assert err == (
        "pmtui: error: --select: unknown rule or category 'counterfactul'; did you mean "
        "'counterfactual'? (see pmtui lint --list-rules)\n"
    )


def test_exit_zero_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "n.md"
    path.write_text(NOTES, encoding="utf-8")
    code, out, err = run(capsys, "--exit-zero", str(path))
    assert code == 0 and out.count("\n") == 3
    assert err == "pmtui lint: 3 findings in 1 file (1 checked)\n"
    code, out, err = run(capsys, "--quiet", str(path))
    assert (code, err) == (1, "") and out.count("\n") == 3


def test_list_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    from pmtui.blame import load_rules

    code, out, _ = run(capsys, "--list-rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed[: len(load_rules())] == [r.id for r in load_rules()]
    assert "action-overdue" in listed
    code, out, _ = run(capsys, "--explain", "should-have")
    assert code == 0
    rule = next(r for r in load_rules() if r.id == "should-have")
    assert out.startswith("should-have (counterfactual)\n")
    assert rule.suggestion in out
    assert all(example in out for example in rule.examples_match + rule.examples_nomatch)
    code, out, _ = run(capsys, "--explain", "counterfactual")
    assert "should-have" in out and code == 0
    code, _, err = run(capsys, "--explain", "shuld-have")
    assert code == 2 and "did you mean 'should-have'" in err


# --------------------------------------------------------------------------- inputs


def test_stdin_filename(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\nRetrain the on-call.\n")))
    code, out, _ = run(capsys, "--stdin-filename", "docs/pm/new.md", "-")
    assert code == 1 and out.startswith("docs/pm/new.md:2:1: bad_action_item/retrain: ")
    code, _, err = run(capsys, "--stdin-filename", "x.md", "a.md")
    assert code == 2 and "--stdin-filename is for standard input" in err


def test_suppression_comments_use_the_file_line_in_postmortems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.blame.test_lint import POSTMORTEM

    path = tmp_path / "pm.md"
    text = POSTMORTEM.replace(
        "1. Why: This was human error.",
        "<!-- pmtui: ignore-next-line -->\n1. Why: This was human error.",
    ).replace("| Be more careful", "| Be more careful")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert "human_error" not in out and "action_item/action-no-owner" in out
    fenced = text + "\n```\n<!-- pmtui: off -->\n```\n\n## Notes\nThis was human error.\n"
    path.write_text(fenced, encoding="utf-8")
    _, out, _ = run(capsys, str(path))
    assert "human_error" in out  # a comment inside a code block is not a comment


def test_off_without_on_silences_to_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "n.md"
    path.write_text("Who broke it?\n<!-- pmtui: off reviewed by the team -->\nHuman error.\n",
                    encoding="utf-8")  # fmt: skip
    _, out, _ = run(capsys, "--format", "json", str(path))
    assert [f["line"] for f in json.loads(out)] == [1]


def test_no_path_lints_the_folder_of_postmortems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "repo"
    (project / ".git").mkdir(parents=True)
    (project / ".pmtui.toml").write_text('postmortems_dir = "docs/pm"\n', encoding="utf-8")
    (project / ".gitignore").write_text("docs/pm/scratch/\n", encoding="utf-8")
    (project / "docs" / "pm" / "scratch").mkdir(parents=True)
    (project / "docs" / "pm" / "a.md").write_text("Who broke it?\n", encoding="utf-8")
    (project / "docs" / "pm" / "scratch" / "b.md").write_text("Who broke it?\n", "utf-8")
    (project / "README.md").write_text("Who broke it?\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, _ = run(capsys, "--format", "json")
    assert code == 1
    assert [Path(f["path"]).relative_to(project).as_posix() for f in json.loads(out)] == [
        "docs/pm/a.md"
    ]
    _, out, _ = run(capsys, "--format", "json", "--no-gitignore")
    assert len(json.loads(out)) == 2
    _, out, _ = run(capsys, "docs/pm/scratch/b.md")  # named on the command line: linted
    assert out.startswith("docs/pm/scratch/b.md:1:1:")


def test_no_path_and_no_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "pmtui init" in err
