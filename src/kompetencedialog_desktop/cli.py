"""The command line: `kompetencedialog [FIL]` starts the program; sub-commands work without a screen.

Every error path prints one Danish line on stderr and exits non-zero; input files are only read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from pydantic import ValidationError

from . import __version__
from .model.content import WORKSHOP_KINDS, WORKSHOP_NAMES
from .model.factory import example_project, new_project
from .model.limits import MAX_LINE_TEXT
from .storage.content_loader import ContentError, load_example, workshop_content
from .storage.errors import one_line, os_error_reason, printable, shown_name
from .storage.migrations import CURRENT_SCHEMA_VERSION
from .storage.outputs import check_output
from .storage.project_file import (
    FILE_SUFFIX,
    ProjectFileError,
    danish_number,
    load_project,
    load_project_with_version,
    project_json_schema,
    save_project,
)

PROG = "kompetencedialog"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

_ARGPARSE_DA = {
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "expected one argument": "forventer én værdi",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


class DanishFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D401 - argparse's signature
        # argparse passes prefix="" when it builds a subcommand's name: keep that, or "Brug:" doubles.
        return super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


class DanishParser(argparse.ArgumentParser):
    """argparse with Danish headings, help and errors (option names stay as they are)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DanishFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        self.add_argument("-h", "--help", action="help", help="vis denne hjælp og afslut")

    def error(self, message: str):  # one line, no usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: fejl: {message}\n")


def _translate_argparse() -> None:
    # argparse looks its messages up through the module-level gettext alias at call time.
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: _ARGPARSE_DA.get(text, english(text))  # type: ignore[attr-defined]


def _say(line: str) -> None:
    """Every line the commands print: text from a file (a title with ESC) cannot steer the terminal.
    A reader that has gone (`| head -c 20`) stops the printing, never the work: an export still
    writes every file it was asked for."""
    try:
        print(printable(line))
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_went_away()  # the rest goes nowhere, quietly


def _err(message: str) -> int:
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)
    return EXIT_ERROR


def _line_argument(option: str, value: str | None, limit: int) -> str | None:
    """Why a one-line text from the command line cannot go into the workshop, else None."""
    if value is None:
        return None
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return f"{option} er ikke gyldig tekst (tegnsættet er ikke UTF-8). Intet er oprettet."
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        return f"{option} må ikke indeholde linjeskift eller andre styretegn. Intet er oprettet."
    if len(value) > limit:
        return f"{option} er for lang ({danish_number(len(value))} tegn; højst {danish_number(limit)}). Intet er oprettet."
    return None


def _cmd_new(args: argparse.Namespace) -> int:
    problem = _line_argument("--title", args.title, MAX_LINE_TEXT)
    if problem:
        return _err(problem)
    out = Path(args.output)
    if out.suffix.lower() != FILE_SUFFIX:
        out = out.with_name(out.name + FILE_SUFFIX)
    if os.path.lexists(out) and not args.force:  # also a dangling link or a link loop (exists() says no)
        return _err(f"»{shown_name(out)}« findes allerede. Brug --force for at overskrive den. Intet er ændret.")
    content = workshop_content(args.workshop)
    if args.example:
        project = example_project(content, load_example(args.workshop))
        if args.title:
            project.title = args.title
    else:
        project = new_project(content, args.title)
    save_project(project, out, backup=False, overwrite_read_only=args.force)
    _say(f"Oprettede {out} ({WORKSHOP_NAMES[args.workshop]}, {len(project.notes)} post-its)")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    project, version = load_project_with_version(path)
    content = workshop_content(project.workshop)
    _say(f"Fil:       {path}")
    _say(f"Workshop:  {WORKSHOP_NAMES[project.workshop]}")
    _say(f"Titel:     {project.title or '(uden titel)'}")
    if project.workplace or project.group:
        _say(f"Sted:      {', '.join(x for x in (project.workplace, project.group) if x)}")
    if version != CURRENT_SCHEMA_VERSION:
        _say(f"Skema:     version {version} (opgraderes ved næste gem)")
    for board in content.boards:
        notes = project.notes_on(board.id)
        unplaced = sum(1 for n in notes if board.zone(n.zone) is None)
        extra = f", {unplaced} uden zone" if unplaced else ""
        _say(f"Plade {board.number}:   {len(notes):>4} post-its  {board.title}{extra}")
    known = {b.id for b in content.boards}
    orphans = sum(1 for n in project.notes if n.board not in known)
    if orphans:
        _say(f"Ukendt plade: {orphans} post-its")
    _say(f"I alt:     {len(project.notes)} post-its, {len(project.clusters)} klynger")
    return EXIT_OK


def _qt_for_pictures() -> None:
    """Board pictures need Qt's painter, never a screen: always the offscreen platform, so a stale
    DISPLAY or WAYLAND_DISPLAY (ssh, a closed session) cannot make Qt abort the export."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _cmd_export.app = QApplication([PROG])  # kept alive for the whole command


def _cmd_export(args: argparse.Namespace) -> int:
    from .storage.docx_export import ExportError, export_docx, write_export

    if not (args.docx or args.pdf or args.png or args.mus_docx):
        return _err("angiv mindst én af --docx, --pdf, --png eller --mus-docx. Intet er skrevet.")
    for output in (args.docx, args.pdf, args.mus_docx):
        if output:
            check_output(output, [args.file])
    if args.png:
        check_output(args.png, [args.file])
    project = load_project(Path(args.file))
    if args.mus_docx and project.workshop != "grus":
        return _err("--mus-docx kræver en gruppeudviklingssamtale (workshop 2). Intet er skrevet.")
    try:
        pictures = args.docx and not args.no_pictures
        if pictures or args.pdf or args.png:
            _qt_for_pictures()  # only the board pictures need Qt
        if args.docx:
            from .ui.board_render import zone_pngs

            export_docx(project, Path(args.docx), zone_pictures=zone_pngs(project) if pictures else None)
            _say(f"Skrev {args.docx}")
        if args.pdf:
            from .ui.board_render import boards_pdf

            write_export(Path(args.pdf), boards_pdf(project))
            _say(f"Skrev {args.pdf}")
        if args.png:
            from .ui.board_render import write_pngs

            for path in write_pngs(project, Path(args.png)):
                _say(f"Skrev {path}")
        if args.mus_docx:
            from .storage.loop_export import build_mus_docx

            write_export(Path(args.mus_docx), build_mus_docx(project))
            _say(f"Skrev {args.mus_docx}")
    except ExportError as exc:
        return _err(str(exc))
    except OSError as exc:
        if os.environ.get("KOMPETENCEDIALOG_DEBUG"):
            raise
        return _err(f"kunne ikke skrive ({os_error_reason(exc)}). Workshoppen er ikke ændret.")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .model.errors import ModelError
    from .model.loop import evaluation_group
    from .model.plan_operations import merge_evaluation_groups_op
    from .storage.docx_export import ExportError, write_export
    from .storage.loop_export import build_evaluation_docx

    strategy_path = Path(args.strategy)
    check_output(args.output, [strategy_path, *args.grus])
    strategy = load_project(strategy_path)
    if strategy.workshop != "strategi":
        return _err(f"»{shown_name(strategy_path)}« er ikke en kompetencestrategi (workshop 1). Intet er skrevet.")
    summaries = {}
    for item in args.mus or []:
        group, sep, text = item.partition("=")
        if not sep:
            return _err(f"--mus skal have formen GRUPPE=TEKST, ikke »{item}«. Intet er skrevet.")
        summaries[group.strip()] = text.strip()
    groups = []
    for name in args.grus:
        grus = load_project(Path(name))
        if grus.workshop != "grus":
            return _err(f"»{shown_name(Path(name))}« er ikke en gruppeudviklingssamtale (workshop 2). Intet er skrevet.")
        groups.append(evaluation_group(grus, Path(name).resolve()))
    try:  # the evaluation tab's merge: SU's MUS summaries and the group order are kept
        merge_evaluation_groups_op(strategy, groups, summaries)
    except ModelError as exc:
        return _err(f"{exc}. Intet er skrevet.")
    try:
        write_export(Path(args.output), build_evaluation_docx(strategy))
    except ExportError as exc:
        return _err(str(exc))
    _say(f"Skrev {args.output} ({len(strategy.evaluation.groups)} grupper)")
    if args.save:
        save_project(strategy, strategy_path)
        _say(f"Gemte evalueringen i {strategy_path}")
    return EXIT_OK


def _cmd_content(args: argparse.Namespace) -> int:
    from .storage.content_markdown import content_markdown

    text = content_markdown(args.workshop)
    if args.output:
        from .storage.docx_export import ExportError, write_export

        check_output(args.output)
        try:
            write_export(Path(args.output), text.encode("utf-8"))
        except ExportError as exc:
            return _err(str(exc))
        _say(f"Skrev {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(project_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _command_parser() -> DanishParser:
    parser = DanishParser(prog=PROG, description="Kommandoer, der virker uden skærm.")
    sub = parser.add_subparsers(dest="command", title="kommandoer", metavar="KOMMANDO", parser_class=DanishParser)

    p = sub.add_parser("new", help="opret et nyt projekt", description="Opret en ny workshop som projektfil.")
    p.add_argument("--workshop", required=True, choices=WORKSHOP_KINDS, help="strategi (workshop 1) eller grus (workshop 2)")
    p.add_argument("-o", "--output", required=True, metavar="FIL", help="projektfilen, der skal oprettes (.kdlg)")
    p.add_argument("--title", metavar="TITEL", help="workshoppens titel")
    p.add_argument("--example", action="store_true", help="fyld workshoppen med et udfyldt eksempel")
    p.add_argument("--force", action="store_true", help="overskriv en eksisterende fil")
    p.set_defaults(run=_cmd_new)

    p = sub.add_parser("check", help="kontrollér en projektfil og vis et resumé", description="Kontrollér en projektfil.")
    p.add_argument("file", metavar="FIL", help="projektfilen (.kdlg)")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("export", help="eksportér til Word, PDF eller billeder", description="Eksportér workshoppen.")
    p.add_argument("file", metavar="FIL", help="projektfilen (.kdlg)")
    p.add_argument("--docx", metavar="UD.docx", help="Word-dokument med strategien eller gruppeudviklingsplanen")
    p.add_argument("--pdf", metavar="UD.pdf", help="PDF med én dialogplade pr. side")
    p.add_argument("--png", metavar="MAPPE", help="mappe, hvor hver dialogplade gemmes som PNG")
    p.add_argument("--no-pictures", action="store_true", help="udelad billederne af pladerne i Word-dokumentet")
    p.add_argument("--mus-docx", metavar="UD.docx", help="»Fælles opspil til MUS« fra en GRUS (workshop 2)")
    p.set_defaults(run=_cmd_export)

    p = sub.add_parser("evaluate", help="SU's evaluering: saml GRUS-filer i en rapport",
                       description="Saml gruppeudviklingsplaner (GRUS-filer) i SU's evaluering af kompetencestrategien.")
    p.add_argument("strategy", metavar="STRATEGI.kdlg", help="kompetencestrategien (workshop 1)")
    p.add_argument("--grus", nargs="+", required=True, metavar="GRUS.kdlg", help="gruppernes projektfiler (workshop 2)")
    p.add_argument("--mus", action="append", metavar="GRUPPE=TEKST", help="opsamling fra MUS for en gruppe (kan gentages)")
    p.add_argument("-o", "--output", required=True, metavar="RAPPORT.docx", help="evalueringsrapporten")
    p.add_argument("--save", action="store_true", help="gem de indlæste grupper i strategifilen")
    p.set_defaults(run=_cmd_evaluate)

    p = sub.add_parser("content", help="skriv alt indhold som Markdown til gennemlæsning",
                       description="Skriv plader, kort, guide og skabelontekster for en workshop som Markdown.")
    p.add_argument("--workshop", required=True, choices=WORKSHOP_KINDS, help="strategi eller grus")
    p.add_argument("--markdown", action="store_true", help="Markdown (standard og eneste format)")
    p.add_argument("-o", "--output", metavar="FIL", help="filen (ellers skrives til skærmen)")
    p.set_defaults(run=_cmd_content)

    p = sub.add_parser("schema", help="udskriv projektfilens JSON-skema", description="Udskriv projektfilens JSON-skema.")
    p.set_defaults(run=_cmd_schema)
    return parser


COMMAND_NAMES = ("new", "check", "export", "evaluate", "content", "schema")

_GUI_EPILOG = """kommandoer (kør dem uden skærm):
  new       opret et nyt projekt (--workshop strategi|grus -o FIL [--title T] [--example])
  check     kontrollér en projektfil og vis et resumé
  export    eksportér til Word (--docx), PDF (--pdf), billeder (--png) eller MUS-opspil (--mus-docx)
  evaluate  SU's evaluering: saml gruppernes GRUS-filer i en rapport
  content   skriv alt indhold (plader, kort, guide) som Markdown
  schema    udskriv projektfilens JSON-skema

Skriv »kompetencedialog KOMMANDO --help« for at se en kommandos tilvalg."""


def _gui_parser() -> DanishParser:
    parser = DanishParser(
        prog=PROG,
        description="Kompetencedialog Desktop: dialogplader, dialogkort og post-its til Kompetencedialogen.",
        epilog=_GUI_EPILOG,
    )
    parser.add_argument("file", nargs="?", metavar="FIL", help="en projektfil (.kdlg), der åbnes ved start")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}", help="vis versionsnummeret og afslut")
    parser.add_argument("--smoke-test", action="store_true", help="åbn eksemplet, tegn vinduet og afslut (til test af installationen)")
    return parser


def run() -> NoReturn:
    """The program's entry point (the installed command, `python -m` and the bundle)."""
    from .process_exit import end_process

    end_process(main())


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # pydantic looks for plugins in every installed package's metadata when it builds its first
    # validator (~8 ms at start-up); we use none. A user's own setting is left alone.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _translate_argparse()
    try:
        if argv and argv[0] in COMMAND_NAMES:
            args = _command_parser().parse_args(argv)
            return args.run(args)
        args = _gui_parser().parse_args(argv)
        _no_screen_is_one_line()
        from .app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args.file, smoke_test=args.smoke_test)
    except (ProjectFileError, ContentError) as exc:
        return _err(str(exc))
    except ValidationError as exc:  # a command-line value the workshop refuses (each is checked first)
        from .storage.errors import describe_validation_error

        return _err(f"ugyldig værdi ({describe_validation_error(exc)}). Intet er ændret.")
    except BrokenPipeError:
        return _reader_went_away()
    except OSError as exc:  # anything the commands did not explain themselves (a too-long name …)
        where = f" »{shown_name(Path(exc.filename))}«" if exc.filename else ""
        return _err(f"fejl ved{where}: {os_error_reason(exc)}. Handlingen blev afbrudt.")
    except KeyboardInterrupt:
        return 130
    finally:
        try:
            if sys.stdout is not None:  # None in a windowed build on Windows
                sys.stdout.flush()  # here, where a closed pipe can still be handled quietly
        except BrokenPipeError:
            _reader_went_away()


def _reader_went_away() -> int:
    """`kompetencedialog check FIL | head -c1`: the reader has gone; stop quietly. stdout is
    pointed at devnull so Python's final flush does not print a traceback either."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_ERROR


def _no_screen_is_one_line() -> None:
    """Qt aborts (SIGABRT, a page of English) when its platform cannot start: no display, a
    stale DISPLAY or WAYLAND_DISPLAY. That fatal message becomes one Danish line and exit code 1.
    Other messages pass on unchanged (the platform's qt.qpa notes only with KOMPETENCEDIALOG_DEBUG)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind, context, message):
        if sys.stderr is None:  # a windowed build on Windows has nowhere to write
            return
        category = context.category or ""
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            sys.stderr.write(f"{PROG}: kan ikke åbne et vindue: der er ingen brugbar skærm (DISPLAY/WAYLAND_DISPLAY). "
                             "Start programmet på skrivebordet; kommandoerne (check, export …) virker uden skærm.\n")
            sys.stderr.flush()
            os._exit(EXIT_ERROR)
        if category.startswith("qt.qpa.") and not os.environ.get("KOMPETENCEDIALOG_DEBUG"):
            return  # the platform's own notes ("could not connect to display"), before that line
        prefix = f"{category}: " if category and category != "default" else ""
        sys.stderr.write(f"{prefix}{message}\n")

    qInstallMessageHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
