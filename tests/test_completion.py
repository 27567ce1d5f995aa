"""`pmtui completion bash|zsh|fish`: scripts generated from the parser; bash's is run the
way bash runs it (COMP_WORDS/COMP_CWORD), zsh's and fish's are syntax-checked when those
shells are installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pmtui.cli import build_parser, main


def _script(capsys: pytest.CaptureFixture[str], shell: str) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _complete(script: Path, *words: str) -> list[str]:
    """What bash offers for the last word of ``pmtui WORDS...``."""
    array = " ".join(f"'{w}'" for w in ("pmtui", *words))
    code = (
        f"source {script}; COMP_WORDS=({array}); COMP_CWORD={len(words)}; _pmtui; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    out = subprocess.run(["bash", "-c", code], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "pmtui.bash"
    script.write_text(_script(capsys, "bash"), encoding="utf-8")
    subcommands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert set(_complete(script, "")) >= subcommands | {"--config", "--version"}
    assert _complete(script, "ac") == ["actions"]
    assert _complete(script, "--config", "x.toml", "rep") == ["report"]
    assert _complete(script, "lint", "--fo") == ["--format"]
    assert _complete(script, "lint", "--format", "") == ["text", "json", "github", "sarif"]
    assert _complete(script, "actions", "--status", "") == [
        "pending", "in-progress", "done", "open"
    ]  # fmt: skip
    assert "should-have" in _complete(script, "lint", "--select", "sh")
    assert _complete(script, "completion", "") == ["bash", "zsh", "fish"]
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert _complete(script, "lint", str(tmp_path / "no")) == [str(tmp_path / "notes.md")]


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["zsh", "-n"]), ("fish", ["fish", "-n"])])
def test_zsh_and_fish_scripts_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shell: str, check: list[str]
) -> None:
    text = _script(capsys, shell)
    for command in ("lint", "actions", "search", "report", "init", "completion"):
        assert command in text
    assert "format" in text and "sarif" in text
    if shutil.which(check[0]) is None:
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / f"pmtui.{shell}"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([*check, str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["completion", "powershell"])
    assert info.value.code == 2 and "invalid choice" in capsys.readouterr().err
