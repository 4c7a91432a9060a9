"""Every command explains itself: each option has help text and each --help shows an example.
The commands are found by walking the click group, so a command added later is checked too."""
import click
import pytest
from click.testing import CliRunner

from policytext.cli import cli


def walk(group: click.Group, path: tuple[str, ...] = ()):
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from walk(command, path + (name,))
        else:
            yield path + (name,), command


COMMANDS = list(walk(cli))
IDS = [" ".join(path) or "policytext" for path, _ in COMMANDS]


def test_the_walk_finds_the_commands():
    assert {"extract", "compare", "compare-pairs", "batch", "eval", "train"} <= {p[-1] for p, _ in COMMANDS if p}


@pytest.mark.parametrize("path, command", COMMANDS, ids=IDS)
def test_every_option_has_help(path, command):
    ctx = click.Context(command, info_name=path[-1] if path else "policytext")
    bare = [opt.opts for opt in command.get_params(ctx) if isinstance(opt, click.Option) and not (opt.help or "").strip()]
    assert bare == []


@pytest.mark.parametrize("path, command", COMMANDS, ids=IDS)
def test_help_shows_an_example(path, command):
    r = CliRunner().invoke(cli, [*path, "--help"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "  Example:" in lines, r.output
    example = lines[lines.index("  Example:") + 1]
    # kept as written (not re-wrapped), and it runs this very command
    assert example.startswith("    policytext " + " ".join(path)) if path else example.startswith("    policytext ")
    assert len(example.split()) > len(path) + 1  # with its arguments


@pytest.mark.parametrize("args", [["--frobnicate"], ["compare", "--frobnicate", "a", "b"]])
def test_unknown_options_fail_fast(args):
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2 and "No such option" in r.output
