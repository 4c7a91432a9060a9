"""The policytext command line: a thin layer over the library, one command per job."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import PolicyTextError

log = logging.getLogger("policytext")


def _fail(message: str) -> None:
    click.echo(f"policytext: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policytext")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Audit Chinese policy documents: outline, quotas, deadlines, units, slogans."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="policytext: %(message)s", stream=sys.stderr)


def _dump(obj: object, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several files); jsonl: one object per line.")
@click.option("--with-text", is_flag=True, help="Include document.text in the output.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Write one FILE.json per input into this folder instead of printing.")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], fmt: str, with_text: bool, output: Path | None) -> None:
    """Read plans/summaries (.txt, .docx, .pdf) and print their structure as JSON."""
    from .analysis import analyze
    from .ingest import read

    results, failed = [], 0
    for path in files:
        try:
            result = analyze(read(path)).to_dict(with_text=with_text)
        except PolicyTextError as e:
            if ctx.obj["debug"]:
                raise
            _fail(str(e))
            failed += 1
            continue
        except Exception as e:  # a bug, not bad input: still one line, with a way to see more
            if ctx.obj["debug"]:
                raise
            _fail(f"{path}: internal error ({type(e).__name__}: {e}); rerun with --debug for a traceback")
            ctx.exit(1)
        log.info("%s: %d tasks", path, len(result["tasks"]))
        if output is not None:
            output.mkdir(parents=True, exist_ok=True)
            target = output / f"{path.name}.json"
            target.write_text(_dump(result, True) + "\n", encoding="utf-8")
            results.append(str(target))
        elif fmt == "jsonl":
            click.echo(_dump(result, False))
        else:
            results.append(result)
    if output is not None:
        click.echo(f"wrote {len(results)} JSON file(s) to {output}/", err=True)
    elif fmt == "json" and results:
        click.echo(_dump(results[0] if len(files) == 1 else results, True))
    if failed:
        ctx.exit(2)


@cli.command("eval")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=Path("corpus"), show_default=True)
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/seeds"), show_default=True,
              help="Seed documents; gold for them lives in tests/gold/seeds. Skipped when absent.")
@click.option("--seed-gold", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tests/gold/seeds"), show_default=True)
def eval_cmd(corpus_dir: Path, seeds_dir: Path, seed_gold: Path) -> None:
    """Score the outline against the gold annotations and print a table."""
    from .evaluate import evaluate_folder, format_table

    rows = evaluate_folder(corpus_dir, corpus_dir)
    if seeds_dir.is_dir() and seed_gold.is_dir():
        rows += evaluate_folder(seeds_dir, seed_gold)
    else:
        click.echo(f"(seeds not found at {seeds_dir}: scored corpus/ only)", err=True)
    click.echo(format_table(rows))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except PolicyTextError as e:  # raised outside a command's own handling
        _fail(str(e))
        sys.exit(2)


if __name__ == "__main__":
    main()
