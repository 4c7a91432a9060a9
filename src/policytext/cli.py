"""The policytext command line: a thin layer over the library, one command per job."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import OutputError, PolicyTextError

log = logging.getLogger("policytext")


_ESCAPED = {c: repr(chr(c))[1:-1] for c in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}


def _fail(message: str) -> None:
    """One line on stderr, even when a file name holds a newline: control characters are
    shown escaped (\\n, \\x1b), as Python writes them, so the name stays recognisable."""
    shown = message.translate(_ESCAPED)
    click.echo(f"policytext: {shown}", err=True)


INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)


class _Group(click.Group):
    """Ctrl-C in any command: one line and exit 130, never a traceback (commands that can say
    more, like batch, catch it themselves first)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _fail("interrupted")
            ctx.exit(INTERRUPTED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policytext")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Audit Chinese policy documents: outline, quotas, deadlines, units, slogans; compare a
    plan with its summary and write the inspector's ledger (督查台账).

    \b
    Example:
      policytext compare 计划.docx 总结.docx -o 台账.xlsx -o 报告.html
    """
    ctx.obj = {"debug": debug, "verbose": verbose}
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="policytext: %(message)s", stream=sys.stderr, force=True)
    # jieba logs its dictionary loading at DEBUG on its own logger; show it only with -v.
    logging.getLogger("jieba").setLevel(logging.INFO if verbose else logging.WARNING)


class _Guard:
    """Library errors become one line and exit 2; bugs become one line and exit 1, unless --debug."""

    def __init__(self, ctx: click.Context) -> None:
        self.ctx = ctx

    def __enter__(self) -> "_Guard":
        return self

    def __exit__(self, kind, err, tb) -> bool:
        if err is None or isinstance(err, (click.exceptions.Exit, click.ClickException, KeyboardInterrupt)):
            return False
        if self.ctx.obj["debug"]:
            return False
        if isinstance(err, PolicyTextError):
            _fail(str(err))
            self.ctx.exit(2)
        _fail(f"internal error ({type(err).__name__}: {err}); rerun with --debug for a traceback")
        self.ctx.exit(1)
        return False


def _skip(ctx: click.Context, err: PolicyTextError) -> None:
    """In a loop over inputs: print the bad one's line and go on (re-raise under --debug)."""
    if ctx.obj["debug"]:
        raise err
    _fail(str(err))


def _counts(totals: dict[str, int]) -> str:
    """implemented 4, partial 7, missing 3"""
    return ", ".join(f"{status} {n}" for status, n in totals.items())


def _dump(obj: object, pretty: bool) -> str:
    if pretty:  # orjson writes the same text as json.dumps(indent=2) about ten times faster
        import orjson

        return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode("utf-8")
    return json.dumps(obj, ensure_ascii=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several files); jsonl: one object per line.")
@click.option("--with-text", is_flag=True, help="Include document.text in the output.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Write one FILE.json per input into this folder instead of printing.")
@click.option("--ocr", type=click.Choice(["auto", "off", "always"]), default="auto", show_default=True,
              help="PDF pages without a usable text layer, and images: auto reads them by OCR when "
                   "policytext[ocr] is installed; off never (an image is refused); always reads every PDF "
                   "page by OCR.")
@click.option("--year", type=click.IntRange(1949, 2100), default=None,
              help="The year of a document that names none (a speech, a report with no year in its title or "
                   "signature): its dates without a year (3月中旬) take it. A year the document names wins.")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], fmt: str, with_text: bool, output: Path | None,
            ocr: str, year: int | None) -> None:
    """Read plans/summaries (.txt, .docx, .pdf, .doc, .wps, scans as .png/.jpg/.tif) and print their structure as JSON.

    \b
    Example:
      policytext extract 计划.docx 总结.pdf -o out/
      policytext extract 在推进会上的发言.txt --year 2025
    """
    from dataclasses import replace

    from .analysis import analyze
    from .ingest import read

    results, failed = [], 0
    for path in files:
        try:
            doc = read(path, ocr=ocr)
            result = analyze(replace(doc, year_hint=year) if year is not None else doc).to_dict(with_text=with_text)
        except ImportError as e:  # --ocr always without the extra: say what to install
            _fail(str(e))
            ctx.exit(2)
        except PolicyTextError as e:
            _skip(ctx, e)
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


# The labelled folders: SPLITS are scored one by one; the status model is fitted on TRAINING: the
# corpus and every split tuned on since its first score, not the splits never opened (UNOPENED,
# whose scores stay the check on documents nothing here was fitted or tuned on).
SPLITS = (Path("corpus/dev"), Path("corpus/blind"), Path("corpus/blind2"), Path("corpus/blind3"), Path("corpus/blind4"),
          Path("corpus/blind5"), Path("corpus/blind6"), Path("corpus/blind7"),
          Path("corpus/blind8"), Path("corpus/blind9"),
          Path("corpus/blind10"), Path("corpus/blind11"), Path("corpus/blind12"),
          Path("corpus/blind13"), Path("corpus/blind14"), Path("corpus/blind15"), Path("corpus/blind16"),
          Path("corpus/blind17"), Path("corpus/blind18"), Path("corpus/blind19"),
          Path("corpus/blind20"), Path("corpus/blind21"), Path("corpus/blind22"),
          Path("corpus/blind23"), Path("corpus/blind24"), Path("corpus/blind25"),
          Path("corpus/blind26"), Path("corpus/blind27"),
          Path("corpus/blind28"), Path("corpus/blind29"), Path("corpus/blind30"),
          Path("corpus/blind31"), Path("corpus/blind32"), Path("corpus/blind33"),
          Path("corpus/blind34"), Path("corpus/blind35"), Path("corpus/blind36"),
          Path("corpus/blind37"), Path("corpus/blind38"), Path("corpus/blind39"),
          Path("corpus/blind40"), Path("corpus/blind41"), Path("corpus/blind42"),
          Path("corpus/blind43"), Path("corpus/blind44"), Path("corpus/blind45"),
          Path("corpus/blind46"), Path("corpus/blind47"), Path("corpus/blind48"),
          Path("corpus/blind49"), Path("corpus/blind50"), Path("corpus/blind51"),
          Path("corpus/blind52"), Path("corpus/blind53"),
          Path("corpus/blind54"), Path("corpus/blind55"), Path("corpus/blind56"),
          Path("corpus/blind57"), Path("corpus/blind58"),
          Path("corpus/blind59"), Path("corpus/blind60"), Path("corpus/blind61"),
          Path("corpus/blind62"), Path("corpus/blind63"), Path("corpus/blind64"),
          Path("corpus/blind65"), Path("corpus/blind66"), Path("corpus/blind67"),
          Path("corpus/blind68"), Path("corpus/blind69"), Path("corpus/blind70"),
          Path("corpus/blind71"), Path("corpus/blind72"), Path("corpus/blind73"),
          Path("corpus/blind74"), Path("corpus/blind75"), Path("corpus/blind76"),
          Path("corpus/blind77"), Path("corpus/blind78"), Path("corpus/blind79"), Path("corpus/blind80"),
          Path("corpus/blind81"), Path("corpus/blind82"), Path("corpus/blind83"),
          Path("corpus/blind84"), Path("corpus/blind85"), Path("corpus/blind86"), Path("corpus/blind87"),
          Path("corpus/blind88"), Path("corpus/blind89"),
          Path("corpus/blind90"), Path("corpus/blind91"), Path("corpus/blind92"), Path("corpus/blind93"),
          Path("corpus/blind94"), Path("corpus/blind95"), Path("corpus/blind96"),
          Path("corpus/blind97"), Path("corpus/blind98"), Path("corpus/blind99"), Path("corpus/blind100"),
          Path("corpus/blind101"), Path("corpus/blind102"), Path("corpus/blind103"),
          Path("corpus/blind104"), Path("corpus/blind105"), Path("corpus/blind106"),
          Path("corpus/blind107"), Path("corpus/blind108"), Path("corpus/blind109"),
          Path("corpus/blind110"), Path("corpus/blind111"), Path("corpus/blind112"),
          Path("corpus/blind113"), Path("corpus/blind114"), Path("corpus/blind115"),
          Path("corpus/blind116"), Path("corpus/blind117"), Path("corpus/blind118"),
          Path("corpus/blind119"), Path("corpus/blind120"), Path("corpus/blind121"),
          Path("corpus/blind122"), Path("corpus/blind123"), Path("corpus/blind124"),
          Path("corpus/blind125"), Path("corpus/blind126"), Path("corpus/blind127"),
          Path("corpus/blind128"), Path("corpus/blind129"), Path("corpus/blind130"),
          Path("corpus/blind131"), Path("corpus/blind132"), Path("corpus/blind133"),
          Path("corpus/blind134"), Path("corpus/blind135"), Path("corpus/blind136"),
          Path("corpus/blind137"), Path("corpus/blind138"), Path("corpus/blind139"),
          Path("corpus/blind140"), Path("corpus/blind141"), Path("corpus/blind142"), Path("corpus/blind143"),
          Path("corpus/blind144"))
UNOPENED = (Path("corpus/blind144"),)
TRAINING = (Path("corpus"), *(s for s in SPLITS if s not in UNOPENED))
_CV_GROUPS = 10  # with this many training folders, a folder (a round's pairs) is held out at a time


@cli.command("eval")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=Path("corpus"), show_default=True,
              help="Folder with the documents, their FILE.gold.json and the labelled *.pair.json files.")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/seeds"), show_default=True,
              help="Seed documents; gold for them lives in tests/gold/seeds. Skipped when absent.")
@click.option("--seed-gold", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tests/gold/seeds"), show_default=True,
              help="Folder with the gold files of the seed documents.")
@click.option("--split", "splits", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              default=SPLITS, show_default=True,
              help="Folders of documents and pairs written apart from the code (docs/annotation.md), each "
                   "scored on its own: extraction, and the shipped status model on its pairs. Repeatable; "
                   "a folder that does not exist is skipped.")
@click.option("--train", "train_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              default=TRAINING, show_default=True,
              help="The folders whose pairs the status model is fitted on: cross-validated pair by pair. "
                   "Repeatable.")
@click.option("--scans/--no-scans", default=True, show_default=True,
              help="Also score OCR on synthetic scans of the corpus plans (needs policytext[ocr]).")
def eval_cmd(corpus_dir: Path, seeds_dir: Path, seed_gold: Path, splits: tuple[Path, ...],
             train_dirs: tuple[Path, ...], scans: bool) -> None:
    """Score outline and fields against the gold, the comparison against the labelled pairs,
    and OCR on synthetic scans of the plans; plans and summaries apart, and every held-out
    split apart from the documents the code was tuned on.

    \b
    Example:
      policytext eval --corpus corpus --no-scans
    """
    from .evaluation.extraction import evaluate_folder, format_table
    from .evaluation.first_scores import first_scores, format_first_scores
    from .evaluation.pairs import PAIR_SUFFIX, cross_validate, format_report, load_pairs, score_with

    rows = evaluate_folder(corpus_dir, corpus_dir)
    if seeds_dir.is_dir() and seed_gold.is_dir():
        rows += evaluate_folder(seeds_dir, seed_gold)
    else:
        click.echo(f"(seeds not found at {seeds_dir}: scored corpus/ only)", err=True)
    click.echo(format_table(rows, f"tuned: {corpus_dir}/ and the seeds (the code was written against these)"))
    training = [d for d in train_dirs if d.is_dir() and any(d.glob("*" + PAIR_SUFFIX))]
    if training:
        with _Guard(click.get_current_context()):
            loaded = [(d, p) for d in training for p in load_pairs(d)]
            pairs = [p for _, p in loaded]
            by_folder = len(training) >= _CV_GROUPS
            score = cross_validate(pairs, [str(d) for d, _ in loaded] if by_folder else None)
            model = _model(None)
        click.echo("")
        how = "each folder's pairs held out of the fit together (leave one folder out)" if by_folder \
            else "each pair held out of the fit (leave one pair out)"
        named = [f"{d}/" for d in training]
        click.echo(format_report(score, model, how=f"{how}, over {len(training)} folders: "
                                 + ", ".join(named if len(named) <= 4 else [*named[:3], "…", named[-1]])))
    for split in splits:
        if not split.is_dir():
            continue
        click.echo("")
        click.echo(format_table(evaluate_folder(split, split), f"split {split}/ (its README.md says how it was made)"))
        if any(split.glob("*" + PAIR_SUFFIX)):
            with _Guard(click.get_current_context()):
                held = score_with(load_pairs(split), _model(None))
            click.echo("")
            fitted = any(split.resolve() == d.resolve() for d in train_dirs if d.is_dir())
            click.echo(format_report(held, how=f"in {split}/, judged by the shipped model"
                                     + (" (fitted on them among others)" if fitted else " (never fitted on them)")))
    with _Guard(click.get_current_context()):
        firsts = first_scores([s for s in splits if s.is_dir()])
    if firsts:  # the number that counts: how the code did on each split before it was tuned on it
        click.echo("")
        click.echo(format_first_scores(firsts, [u.name for u in UNOPENED]))
    if scans:
        from .ingest.ocr import INSTALL, available

        click.echo("")
        if not available():
            click.echo(f"OCR on synthetic scans: skipped, the OCR extra is not installed ({INSTALL})")
            return
        from .evaluation.ocr import evaluate_scans, format_scan_table

        with _Guard(click.get_current_context()):
            click.echo(format_scan_table(evaluate_scans(corpus_dir)))


OUTPUT_KINDS = (".json", ".xlsx", ".html")


def _write_comparison(comparison, target: Path) -> Path:
    suffix = target.suffix.lower()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".xlsx":
            return comparison.to_excel(target)
        if suffix == ".html":
            comparison.to_html(target)
            return target
        target.write_text(_dump(comparison.to_dict(), True) + "\n", encoding="utf-8")
    except OSError as e:  # a read-only folder, a full disk: the library raised no error of its own
        raise OutputError(target, f"cannot write it: {e.strerror or e}") from None
    return target


def _check_outputs(outputs: tuple[Path, ...]) -> None:
    for o in outputs:
        if o.suffix.lower() not in OUTPUT_KINDS:
            raise click.BadParameter(f"{o}: the file name must end in {', '.join(OUTPUT_KINDS)}",
                                     param_hint="-o/--output")


def _model(path: Path | None):
    from .compare import StatusModel

    return StatusModel.load(path)


@cli.command()
@click.argument("plan", type=click.Path(readable=False, path_type=Path))
@click.argument("summary", type=click.Path(readable=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default=None,
              help="Print the comparison: json (the policytext/1 contract) or a text ledger. "
                   "Default: json unless -o is given.")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the ledger (.xlsx), the HTML report (.html) or the JSON (.json). Repeatable.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A status model from `policytext train` (default: the shipped models/compare_model.json).")
@click.option("--force", is_flag=True,
              help="Compare even when PLAN reads as a summary or SUMMARY as a plan (refused otherwise).")
@click.pass_context
def compare(ctx: click.Context, plan: Path, summary: Path, fmt: str | None, outputs: tuple[Path, ...],
            model_path: Path | None, force: bool) -> None:
    """Judge every task of PLAN against SUMMARY: implemented, partial or missing, with evidence.

    \b
    Example:
      policytext compare 计划.docx 总结.docx -o 台账.xlsx -o 报告.html
    """
    from .comparison import compare as run_compare

    _check_outputs(outputs)
    with _Guard(ctx):
        comparison = run_compare(plan, summary, model=_model(model_path), force=force)
        for o in outputs:
            click.echo(f"wrote {_write_comparison(comparison, o)}", err=True)
    fmt = fmt or (None if outputs else "json")
    if fmt == "json":
        click.echo(_dump(comparison.to_dict(), True))
    elif fmt == "text":
        click.echo(_text_ledger(comparison))


def _text_ledger(comparison) -> str:
    from .report.ledger import rows

    t = comparison.totals
    lines = [f"{comparison.plan.document.title} ↔ {comparison.summary.document.title}",
             _counts(t)]
    for r in rows(comparison.items):
        lines.append(f"{r.number:>3} {r.task:14} {r.verdict:5} {r.reason}")
    return "\n".join(lines)


@cli.command("compare-pairs")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("corpus"))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("out/compare"),
              show_default=True, help="Folder for NAME.xlsx, NAME.html and NAME.json of every pair.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A status model from `policytext train` (default: the shipped models/compare_model.json).")
@click.pass_context
def compare_pairs(ctx: click.Context, folder: Path, output: Path, model_path: Path | None) -> None:
    """Compare every plan/summary pair listed in FOLDER/*.pair.json and write ledgers and reports.

    \b
    Example:
      policytext compare-pairs corpus -o out/compare
    """
    from .comparison import compare as run_compare
    from .ingest.pairs import pair_files, read_pair_names

    failed = 0
    with _Guard(ctx):
        model = _model(model_path)
        files = pair_files(folder)
    for f in files:
        try:
            name, plan, summary = read_pair_names(f)
            comparison = run_compare(plan, summary, model=model)
            written = [_write_comparison(comparison, output / f"{name}{ext}") for ext in (".xlsx", ".html", ".json")]
        except PolicyTextError as e:
            _skip(ctx, e)
            failed += 1
            continue
        t = comparison.totals
        click.echo(f"{name}: {_counts(t)}"
                   f" -> {', '.join(map(str, written))}")
    if failed:
        ctx.exit(2)


@cli.command()
@click.option("--corpus", "corpus_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=TRAINING, show_default=True,
              help="Folders with the labelled *.pair.json files to fit on. Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: models/compare_model.json).")
@click.option("--done-above", type=click.FloatRange(0, 1, max_open=True), default=0.75, show_default=True,
              help="How sure the trees must be that a task was done for the verdict to say implemented; "
                   "a task under it is flagged partial or missing instead. 0 says the most likely status.")
@click.pass_context
def train(ctx: click.Context, corpus_dirs: tuple[Path, ...], output: Path | None, done_above: float) -> None:
    """Fit the status model on the hand-labelled pairs and save it (bit-for-bit reproducible).
    Use the file with `compare --model` (and `batch`, `compare-pairs`).

    \b
    Example:
      policytext train --corpus corpus --corpus corpus/dev -o models/compare_model.json
      policytext train --done-above 0 -o most_likely.json   # fewer flags, more problems passed
    """
    from .compare import StatusModel
    from .compare.model import MODEL_FILE
    from .evaluation.pairs import fit, load_pairs
    from .lexicon import models_dir

    with _Guard(ctx):
        pairs = [p for d in corpus_dirs for p in load_pairs(d)]
        model = fit(pairs, StatusModel(done_above=done_above))
        target = model.save(output or models_dir() / MODEL_FILE)
    ts = model.train_score_
    click.echo(f"fitted on {ts['tasks']} tasks in {len(pairs)} pairs: thresholds alone accuracy {ts['accuracy']:.3f}, "
               f"macro-F1 {ts['macro_f1']:.3f}" + (f"; with the trees {ts['staged_accuracy']:.3f}" if "staged_accuracy" in ts else "")
               + " (on the training pairs; `policytext eval` cross-validates)")
    click.echo("thresholds: " + ", ".join(f"{k}={v:g}" for k, v in model.thresholds_.items()))
    if model.stage_ is not None:
        from .compare.stage import FEATURES

        click.echo(f"trees: {len(model.stage_.roots)} over {len(FEATURES)} features")
    click.echo(f"wrote {target}")


def _quiet_dask(verbose: bool) -> None:
    """distributed sets its loggers to INFO when it is imported; its start-up chatter (scheduler
    at…, nanny started…) would bury the run's own lines, so only -v shows it."""
    try:
        import distributed  # noqa: F401  (imported first, so that its set-up does not undo ours)
    except ImportError:
        return  # run_batch says what to install
    logging.getLogger("distributed").setLevel(logging.INFO if verbose else logging.WARNING)


@cli.command()
@click.argument("archive", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the Parquet tables (and the state that makes a rerun resume).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (default: start a local cluster).")
@click.option("--compare", "do_compare", is_flag=True,
              help="Pair every summary with its plan, compare them, and write ledger.parquet, pairs.parquet, "
                   "ledger.xlsx and one HTML report per pair under reports/ (reports/index.html lists them).")
@click.option("--pairs", "pairs_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="With --compare: a CSV (columns plan,summary) of pairs to use instead of automatic pairing.")
@click.pass_context
def batch(ctx: click.Context, archive: Path, output: Path, jobs: int | None, engine: str, scheduler: str | None,
          do_compare: bool, pairs_file: Path | None) -> None:
    """Analyse every .txt/.docx/.pdf/.doc/.wps/image under ARCHIVE (folders and .zip files) into Parquet tables.

    Scanned PDF pages and images (.png, .jpg, .tif, multi-page TIFF) are read by OCR when
    policytext[ocr] is installed; .doc and .wps files through LibreOffice when it is installed.
    Every other file is listed in skipped.parquet with the reason, so nothing goes unaccounted.

    Rerun the same command after an interruption to finish the rest. Exit status: 0 when every
    document was read, 1 when some could not be (see errors.parquet), 2 on a usage error,
    130 when interrupted (Ctrl-C).

    \b
    Example:
      policytext batch 档案/ -o out/batch --compare
    """
    from .batch import read_results, run_batch
    from .batch.progress import Reporter

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if pairs_file and not do_compare:
        raise click.UsageError("--pairs needs --compare")
    if engine == "dask":
        _quiet_dask(ctx.obj["verbose"])
    report = Reporter(stream=sys.stderr) if sys.stderr.isatty() else Reporter(log=log.warning, every=10.0)
    try:
        with _Guard(ctx), report:
            summary = run_batch(archive, output, jobs=jobs, engine=engine, scheduler=scheduler,
                                compare=do_compare, pairs=pairs_file, progress=report)
    except KeyboardInterrupt:
        if ctx.obj["debug"]:
            raise
        # What was committed stays in OUTPUT; the run picks up from there.
        _fail(f"interrupted; rerun the same command to resume (the work done so far is kept in {output}/)")
        ctx.exit(INTERRUPTED)
    from .extract.fields import NAMES

    rows = summary.rows
    counts = ", ".join(f"{rows.get(name, 0)} {name}" for name in ("tasks", *NAMES))
    click.echo(f"{summary.documents} documents ({summary.resumed} done by an earlier run), {summary.failed} failed; "
               f"{counts} -> {output}/*.parquet")
    if summary.skipped:
        click.echo(f"{summary.skipped} files skipped as not documents, each with its reason -> {output}/skipped.parquet")
    if do_compare:
        click.echo(f"{summary.pairs} pairs compared, {summary.unpaired} documents unpaired, "
                   f"{summary.failed_pairs} comparisons failed -> {output}/ledger.xlsx, ledger.parquet, pairs.parquet, "
                   f"{output}/reports/index.html")
    if summary.failed:
        errors = read_results(output)["errors"]
        for r in errors.head(5).itertuples():
            _fail(f"{r.path}: {r.reason} [{r.code}]")
        if len(errors) > 5:
            _fail(f"... and {len(errors) - 5} more in {output}/errors.parquet")
        ctx.exit(1)


@cli.group()
def ledger() -> None:
    """Work with ledgers (督查台账) an inspector has edited.

    \b
    Example:
      policytext ledger apply 台账.xlsx --by 张三 -o 台账.xlsx -o 报告.html
    """


@ledger.command("apply")
@click.argument("ledger_file", metavar="LEDGER.xlsx", type=click.Path(dir_okay=False, readable=False, path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the ledger (.xlsx), the HTML report (.html) or the JSON (.json) with the inspector's "
                   "verdicts marked. Repeatable; the ledger itself may be one of them. Default: print the JSON.")
@click.option("--by", "by", metavar="NAME",
              help="Who made the edits (default: the workbook's last author, as Excel or LibreOffice saved it).")
@click.option("--plan", "plan", type=click.Path(dir_okay=False, path_type=Path),
              help="Where the plan is now, if it moved since the ledger was written (its SHA-256 must match).")
@click.option("--summary", "summary", type=click.Path(dir_okay=False, path_type=Path),
              help="Where the summary is now, if it moved since the ledger was written (its SHA-256 must match).")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The status model to compare with (default: the shipped models/compare_model.json).")
@click.pass_context
def ledger_apply(ctx: click.Context, ledger_file: Path, outputs: tuple[Path, ...], by: str | None,
                 plan: Path | None, summary: Path | None, model_path: Path | None) -> None:
    """Read the 核查结论, 说明 and 备注 an inspector edited in LEDGER.xlsx and keep them as
    overrides (who, when) next to the machine's verdicts.

    The comparison is run again from the plan and summary the ledger records, and refused if
    either changed. Rows left as written keep their earlier override, so applying twice
    changes nothing.

    \b
    Example:
      policytext ledger apply 台账.xlsx --by 张三 -o 台账.xlsx -o 报告.html
    """
    from .comparison import apply_ledger

    _check_outputs(outputs)
    with _Guard(ctx):
        applied = apply_ledger(ledger_file, by=by, plan=plan, summary=summary,
                               model=_model(model_path) if model_path else None)
        for w in applied.warnings:
            _fail(f"warning: {w}")
        c = applied.comparison
        for o in outputs:
            click.echo(f"wrote {_write_comparison(c, o)}", err=True)
    t = c.reviewed_totals
    click.echo(f"{len(c.overrides)} inspector verdict(s), {applied.changed} row(s) changed by this apply; "
               f"after review: {_counts(t)}",
               err=True)
    if not outputs:
        click.echo(_dump(c.to_dict(), True))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except PolicyTextError as e:  # raised outside a command's own handling
        _fail(str(e))
        sys.exit(2)


if __name__ == "__main__":
    main()
