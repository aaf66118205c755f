"""The gettext catalogs of the Qt-free layers (terminal, command line, news, AI reasons, rule
refusals, registry labels): extract, update, compile and check them with Babel.

    python scripts/catalogs.py extract           # game/**.py -> game/locale/tariff_talks.pot
    python scripts/catalogs.py update            # merge the .pot into every language's .po
    python scripts/catalogs.py compile           # every .po -> its .mo (what the game reads)
    python scripts/catalogs.py check             # exit 1 if any of those is out of date or incomplete
    python scripts/catalogs.py init fr           # start a new language: game/locale/fr/LC_MESSAGES/tariff_talks.po

What is extracted, and with which keywords (``t:2``, ``nt:2,3``, ``pt:2c,3``, ``N_``,
``IllegalAction:2``), is the ``[tool.babel]`` table of ``pyproject.toml``. A translator edits
only the ``.po`` files; docs/translating.md says how. Babel is a development dependency (the
``test`` extra): the game itself reads the committed ``.mo`` with the standard library.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import io
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "game" / "locale"
DOMAIN = "tariff_talks"
POT = LOCALE / f"{DOMAIN}.pot"
PROJECT = "tariff-talks"
HEADER = (
    "# The words of tariff-talks outside the window: terminal, command line, news, AI reasons,\n"
    "# rule refusals. Translate the msgstr lines; docs/translating.md says how.\n"
    "#"
)
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


# ------------------------------------------------------------------ configuration
def _config() -> tuple[list[tuple[str, str]], dict[str, dict[str, Any]]]:
    """The method map and per-pattern options from ``pyproject.toml``'s ``[tool.babel]``."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["babel"]
    method_map: list[tuple[str, str]] = []
    options: dict[str, dict[str, Any]] = {}
    for entry in table["mappings"]:
        pattern, method = entry["pattern"], entry["method"]
        method_map.append((pattern, method))
        opts: dict[str, Any] = {}
        if "keywords" in entry:
            opts["keywords"] = {k: _by_arity(v) for k, v in parse_keywords(entry["keywords"]).items()}
        if "add_comments" in entry:
            opts["add_comments"] = list(entry["add_comments"])
        options[pattern] = opts
    return method_map, options


def _by_arity(spec: Any) -> Any:
    """A context spec (``pt:2c,3``) only for calls with enough arguments: Babel indexes the
    context argument without checking that the call has it (``pt[t]`` in a comprehension
    crashed the extraction)."""
    if not isinstance(spec, tuple) or not any(isinstance(i, tuple) for i in spec):
        return spec
    need = max(i[0] if isinstance(i, tuple) else i for i in spec)
    return {n: spec for n in range(need, need + 24)}


def _keywords(options: dict[str, dict[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for opts in options.values():
        found.update(opts.get("keywords", {}))
    return found


def _comment_tags(options: dict[str, dict[str, Any]]) -> list[str]:
    return sorted({tag for opts in options.values() for tag in opts.get("add_comments", [])})


# ------------------------------------------------------------------ the steps
def extracted() -> Catalog:
    """Every message the code marks, as a template catalog (sorted, with locations)."""
    method_map, options = _config()
    catalog = Catalog(project=PROJECT, domain=DOMAIN, charset="utf-8", fuzzy=False, header_comment=HEADER)
    # Babel warns of every f-string among a call's arguments, the fields too (``n=f"{x:.1f}"``);
    # a message that is an f-string is what matters, and tests/test_catalogs.py fails on it.
    with contextlib.redirect_stderr(io.StringIO()):
        found = list(
            extract_from_dir(
                str(ROOT),
                method_map,
                options,
                keywords=_keywords(options),
                comment_tags=_comment_tags(options),
                strip_comment_tags=True,
            )
        )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _pot_text(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    # No creation date: the template changes only when the messages do.
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    return _stable(buf.getvalue())


def _stable(data: bytes) -> bytes:
    """Drop the header lines that change on every run (dates), so files differ only when messages do."""
    lines = [
        line
        for line in data.split(b"\n")
        if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:'))
    ]
    return b"\n".join(lines)


def languages() -> list[str]:
    """Every language with a catalog source (``game/locale/<lang>/LC_MESSAGES/tariff_talks.po``)."""
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale, domain=DOMAIN)


def updated(lang: str, template: Catalog) -> Catalog:
    """``lang``'s catalog merged with ``template``: new messages added (untranslated), gone ones
    dropped, translations kept. No fuzzy guessing: a reworded message starts untranslated."""
    catalog = read_catalog(po_path(lang), lang)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def _po_text(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return _stable(buf.getvalue())


def _mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def po_messages(catalog: Catalog) -> dict[object, str]:
    """What a compiled catalog must hold: every translated, non-fuzzy message, keyed as
    :class:`gettext.GNUTranslations` keys them (``ctx\x04id``; ``(id, n)`` for a plural form)."""
    out: dict[object, str] = {}
    for m in catalog:
        if not m.id or m.fuzzy or not _translated(m):
            continue
        key = m.id if isinstance(m.id, str) else m.id[0]
        key = f"{m.context}\x04{key}" if m.context else key
        strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
        if isinstance(m.id, tuple | list):
            for k, text in enumerate(strings):
                out[(key, k)] = text
        else:
            out[key] = strings[0]
    return out


def mo_messages(path: Path) -> dict[object, str]:
    """The messages of a compiled ``.mo`` (whichever tool compiled it), as gettext reads them."""
    with path.open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    return {k: v for k, v in mo._catalog.items() if k != ""}  # type: ignore[attr-defined]


def placeholders(text: str) -> set[str]:
    """The ``{field}`` names of a message (``{n:+.1f}`` counts as ``n``)."""
    return set(PLACEHOLDER.findall(text))


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What keeps ``catalog`` from being complete for ``template``: a missing or fuzzy
    translation, or a translation whose placeholders differ from its message's (beyond the
    optional ones its translator comment names)."""
    out: list[str] = []
    lang = str(catalog.locale)
    for msg in template:
        if not msg.id:
            continue
        got = catalog.get(msg.id, msg.context)
        where = _where(msg)
        if got is None or not _translated(got):
            out.append(f"{lang}: untranslated: {_show(msg.id)}{where}")
            continue
        if got.fuzzy:
            out.append(f"{lang}: fuzzy (needs review): {_show(msg.id)}{where}")
        ids = msg.id if isinstance(msg.id, tuple | list) else (msg.id,)
        strs = got.string if isinstance(got.string, tuple | list) else (got.string,)
        want = set().union(*(placeholders(i) for i in ids))
        # Fields a translator comment names ("{value} is in billions; {hundred_millions} is the
        # same amount …") are alternatives: a translation may use them or not.
        optional = set().union(set(), *(placeholders(c) for c in msg.auto_comments))
        for s in strs:
            if not want - optional <= placeholders(s) <= want | optional:
                out.append(
                    f"{lang}: placeholders differ: {_show(msg.id)} has {sorted(want)}, "
                    f"the translation {sorted(placeholders(s))}{where}"
                )
    return out


def _translated(msg: Message) -> bool:
    strings = msg.string if isinstance(msg.string, tuple | list) else (msg.string,)
    return bool(strings) and all(strings)


def _where(msg: Message) -> str:
    return f" ({msg.locations[0][0]})" if msg.locations else ""


def _show(msgid: object) -> str:
    return repr(msgid[0] if isinstance(msgid, tuple | list) else msgid)


# ------------------------------------------------------------------ commands
def cmd_extract() -> int:
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(_pot_text(extracted()))
    print(f"{POT.relative_to(ROOT)}: {sum(1 for m in extracted() if m.id)} messages")
    return 0


def cmd_update() -> int:
    template = read_catalog(POT)
    for lang in languages():
        catalog = updated(lang, template)
        po_path(lang).write_bytes(_po_text(catalog))
        missing = sum(1 for m in catalog if m.id and not _translated(m))
        print(f"{po_path(lang).relative_to(ROOT)}: {missing} untranslated")
    return 0


def cmd_compile() -> int:
    for lang in languages():
        catalog = read_catalog(po_path(lang), lang)
        mo = po_path(lang).with_suffix(".mo")
        mo.write_bytes(_mo_bytes(catalog))
        print(f"{mo.relative_to(ROOT)}")
    return 0


def cmd_init(lang: str) -> int:
    path = po_path(lang)
    if path.exists():
        print(f"{path.relative_to(ROOT)} exists already", file=sys.stderr)
        return 1
    template = read_catalog(POT)
    catalog = Catalog(
        locale=lang, domain=DOMAIN, project=PROJECT, charset="utf-8", fuzzy=False, header_comment=HEADER
    )
    catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_po_text(catalog))
    print(f"{path.relative_to(ROOT)}: {sum(1 for m in catalog if m.id)} messages to translate")
    return 0


def check() -> list[str]:
    """Everything out of date or incomplete, one line each (empty: all is well)."""
    out: list[str] = []
    template = extracted()
    if not POT.exists() or POT.read_bytes() != _pot_text(template):
        out.append(f"{POT.relative_to(ROOT)} is out of date: run `python scripts/catalogs.py extract`")
    for lang in languages():
        path = po_path(lang)
        catalog = read_catalog(path, lang)
        if path.read_bytes() != _po_text(updated(lang, template)):
            out.append(
                f"{path.relative_to(ROOT)} is not merged with the code: run `scripts/catalogs.py update`"
            )
        out.extend(problems(catalog, template))
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo_messages(mo) != po_messages(catalog):
            out.append(
                f"{mo.relative_to(ROOT)} is not compiled from its .po: run `scripts/catalogs.py compile`"
            )
    return out


def cmd_check() -> int:
    found = check()
    for line in found:
        print(line)
    if not found:
        print(f"catalogs up to date and complete: {', '.join(languages())}")
    return 1 if found else 0


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("extract", "update", "compile", "check"):
        sub.add_parser(name)
    init = sub.add_parser("init", help="start the catalog of a new language")
    init.add_argument("lang", help="a language code, e.g. fr or pt_BR")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command == "init":
        return cmd_init(args.lang)
    return {"extract": cmd_extract, "update": cmd_update, "compile": cmd_compile, "check": cmd_check}[
        args.command
    ]()


if __name__ == "__main__":
    raise SystemExit(main())
