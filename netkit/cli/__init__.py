"""The ``netkit`` command: one module per subcommand in this package.

Each command module defines ``NAME``, ``HELP``, ``configure(parser)`` (adds its
arguments) and ``run(args) -> int``. This module builds the parser, configures
logging, and turns a :class:`~netkit.errors.NetkitError` into one clear line on
stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module
from pkgutil import iter_modules

from netkit._rules import check_seed
from netkit._version import __version__
from netkit.errors import NetkitError

__all__ = ["build_parser", "check_environment", "main"]

EXIT_USAGE = 2
EXIT_INTERNAL = 1


def _command_modules():
    for info in sorted(iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = import_module(f"{__name__}.{info.name}")
            if hasattr(module, "run"):
                yield module


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``netkit`` command with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="netkit",
        description="Collaboration networks of an innovation ecosystem from papers, patents "
        "and contracts.",
    )
    parser.add_argument("--version", action="version", version=f"netkit {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in _command_modules():
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(p)
        p.set_defaults(_run=module.run)
    return parser


def check_environment() -> str | None:
    """The error line for a bad environment variable netkit reads, else None.

    Checked before anything heavy is imported: numpy and scipy read
    ``SOURCE_DATE_EPOCH`` while they are imported and fail with a traceback.
    """
    from netkit._rules import source_date_epoch

    try:
        source_date_epoch()
    except NetkitError as exc:
        return f"netkit: error: {exc}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``netkit`` command; return its exit code."""
    problem = check_environment()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        if getattr(args, "seed", None) is not None:  # one seed rule for every command and TOML
            check_seed(args.seed, "--seed")
        return int(args._run(args) or 0)
    except NetkitError as exc:
        first, *rest = str(exc).splitlines() or [""]
        print(f"netkit {args.command}: error: {first}", file=sys.stderr)
        for line in rest:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"netkit {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"netkit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug in netkit: one line, the traceback only with -vv
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        print(f"netkit {args.command}: internal error: {type(exc).__name__}: {exc} "
              "(please report it; run with -vv for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
