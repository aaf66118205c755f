"""The window's catalogs (Qt Linguist): extract, compile and check them.

    .venv/bin/python scripts/translations.py update [--new LANG]   # lupdate over game/ui
    .venv/bin/python scripts/translations.py build                 # lrelease: .ts -> .qm
    .venv/bin/python scripts/translations.py check                 # what CI asks (exit 1 if not)

``update`` runs ``pyside6-lupdate`` over ``game/ui`` into every
``game/ui/translations/tariff_talks_<lang>.ts`` (``--new fr`` starts one): existing
translations are kept, new strings come in *unfinished* (untranslated). When code moves
(a class renamed or split, so a string's context changes), a string that lost its
translation takes the one it had under its old context, or anywhere else with the same
English text and plural kind; strings gone from the code are dropped. It is safe to run
any number of times. ``build`` compiles each ``.ts`` with ``pyside6-lrelease``; commit both.
``check`` reports strings missing from a catalog, translations unfinished or with other
placeholders than their source, and a ``.qm`` that is not what ``build`` makes of its
``.ts``. See ``docs/translating.md``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "game" / "ui"
TS_DIR = UI_DIR / "translations"
CATALOG = "tariff_talks"
#: The language of the source strings: its catalog holds only the plural forms (``%n term(s)``
#: -> ``1 term``, ``2 terms``), which Qt does not guess.
SOURCE_LANGUAGE = "en"
#: A message's identity in a catalog: (context, source text, disambiguation).
Key = tuple[str, str, str]


def tool(name: str) -> str:
    """Qt's ``lupdate`` / ``lrelease`` as shipped in PySide6 (what ``pyside6-lupdate`` runs),
    else ``pyside6-<name>`` on PATH."""
    import PySide6

    exe = Path(PySide6.__file__).resolve().parent / (name + (".exe" if sys.platform == "win32" else ""))
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"translations: {name} not found (install PySide6-Essentials in this environment)")
    return found


def ts_files() -> list[Path]:
    return sorted(TS_DIR.glob(f"{CATALOG}_*.ts"))


def lang_of(ts: Path) -> str:
    return ts.stem.removeprefix(f"{CATALOG}_")


@dataclass
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    forms: list[str]  # the translation (one form, or one per plural form); "" if none
    finished: bool  # has a translation that is not marked unfinished
    obsolete: bool  # vanished from the code (lupdate keeps it as "vanished" or "obsolete")

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[Message]:
    """Every message of a ``.ts`` file."""
    out: list[Message] = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            numerus = m.get("numerus") == "yes"
            if tr is None:
                forms = [""]
            elif numerus:
                forms = [f.text or "" for f in tr.iter("numerusform")] or [""]
            else:
                forms = [tr.text or ""]
            out.append(
                Message(
                    context=name,
                    source=m.findtext("source") or "",
                    comment=m.findtext("comment") or "",
                    numerus=numerus,
                    forms=forms,
                    finished=kind == "" and all(forms),
                    obsolete=kind in ("vanished", "obsolete"),
                )
            )
    return out


def lupdate(ts: Path, *extra: str) -> None:
    """``pyside6-lupdate`` over the window's modules into ``ts`` (created or merged); the
    source language's catalog gets only the strings with plurals."""
    plurals = ["-pluralonly"] if lang_of(ts) == SOURCE_LANGUAGE else []
    cmd = [tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", *plurals, *extra]
    cmd += [str(UI_DIR), "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=ROOT)


def extracted() -> list[Message]:
    """What lupdate finds in the code now (a fresh catalog, nothing translated)."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / f"{CATALOG}_xx.ts"
        lupdate(ts)
        return read_ts(ts)


def carry_translations(path: Path) -> int:
    """Give each untranslated message of ``path`` the translation the same English text (and
    plural kind) has elsewhere in the file — under its old context after code moved, or in
    another context — then drop the messages that vanished from the code. Returns how many
    messages gained a translation."""
    tree = ET.parse(path)
    root = tree.getroot()
    known: dict[tuple[str, bool], ET.Element] = {}
    for m in root.iter("message"):
        tr = m.find("translation")
        if tr is not None and tr.get("type", "") in ("", "vanished", "obsolete"):
            texts = _texts(tr, m.get("numerus") == "yes")
            if texts and all(texts):
                known.setdefault((m.findtext("source") or "", m.get("numerus") == "yes"), tr)
    carried = 0
    for ctx in list(root.iter("context")):
        for m in list(ctx.iter("message")):
            tr = m.find("translation")
            if tr is None:
                continue
            kind = tr.get("type", "")
            if kind in ("vanished", "obsolete"):
                ctx.remove(m)
                continue
            donor = known.get((m.findtext("source") or "", m.get("numerus") == "yes"))
            # untranslated, or holding lupdate's own copy of the donor's text (its "same text"
            # guess, left unfinished); a translator's unfinished draft of other words is kept
            texts = _texts(tr, m.get("numerus") == "yes")
            guessed = donor is not None and texts == _texts(donor, m.get("numerus") == "yes")
            if kind == "unfinished" and donor is not None and (not any(t.strip() for t in texts) or guessed):
                tr.text = donor.text
                for child in list(tr):
                    tr.remove(child)
                for form in donor:
                    tr.append(_copy(form))
                tr.attrib.pop("type", None)
                carried += 1
        if ctx.find("message") is None:
            root.remove(ctx)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return carried


def drop_extracomments(ts: Path) -> None:
    """lupdate takes a Python ``#:`` comment for a note to translators; in this code ``#:``
    documents the attribute below it (Sphinx), so those notes are noise and are dropped. A
    note a translator needs goes in tr()'s second argument (the disambiguation)."""
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(r"\n[ \t]*<extracomment>.*?</extracomment>", "", text, flags=re.S), encoding="utf-8")


def _texts(tr: ET.Element, numerus: bool) -> list[str]:
    return [f.text or "" for f in tr] if numerus else [tr.text or ""]


def _copy(e: ET.Element) -> ET.Element:
    c = ET.Element(e.tag, dict(e.attrib))
    c.text, c.tail = e.text, e.tail
    for child in e:
        c.append(_copy(child))
    return c


def update(new: list[str]) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    targets = ts_files() + [TS_DIR / f"{CATALOG}_{lang}.ts" for lang in new]
    if not targets:
        raise SystemExit("translations: no catalog yet; start one with `update --new LANG`")
    for ts in dict.fromkeys(targets):
        lupdate(ts, *([] if ts.exists() else ["-target-language", lang_of(ts)]))
        carried = carry_translations(ts)
        lupdate(ts)  # once more, to write the file in lupdate's own layout
        drop_extracomments(ts)
        msgs = read_ts(ts)
        todo = sum(1 for m in msgs if not m.finished)
        print(f"{ts.relative_to(ROOT)}: {len(msgs)} strings, {todo} to translate, {carried} carried over")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def build() -> None:
    for ts in ts_files():
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.with_suffix('.qm').relative_to(ROOT)}")


#: What must survive translation: ``{fields}``, ``%n`` and ``%1``-style arguments.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d+")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def catalog_problems(ts: Path, code: list[Message] | None = None) -> list[str]:
    """Strings of the code missing from ``ts``, unfinished, or with other placeholders."""
    code = extracted() if code is None else code
    msgs = {m.key: m for m in read_ts(ts) if not m.obsolete}
    name = ts.relative_to(ROOT)
    out = []
    for c in code:
        if lang_of(ts) == SOURCE_LANGUAGE and not c.numerus:
            continue
        m = msgs.get(c.key)
        where = f"{name}: [{c.context}] {c.source!r}" + (f" ({c.comment})" if c.comment else "")
        if m is None:
            out.append(f"{where}: not in the catalog (run scripts/translations.py update)")
        elif not m.finished:
            out.append(f"{where}: not translated (unfinished)")
        else:
            for form in m.forms:
                if placeholders(form) != placeholders(c.source):
                    out.append(f"{where}: the translation {form!r} has other placeholders")
    return out


def compiled_problems() -> list[str]:
    """A ``.qm`` that is missing or not what lrelease makes of its ``.ts`` now."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files():
            qm = ts.with_suffix(".qm")
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                out.append(
                    f"{qm.relative_to(ROOT)}: not built from its .ts (run scripts/translations.py build)"
                )
    return out


def check() -> int:
    code = extracted()
    problems = [p for ts in ts_files() for p in catalog_problems(ts, code)] + compiled_problems()
    for p in problems:
        print(p)
    print(f"{len(code)} strings in the window, {len(ts_files())} catalogs, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    u = sub.add_parser("update", help="extract the window's strings into every .ts (keeps translations)")
    u.add_argument("--new", action="append", default=[], metavar="LANG", help="start a catalog for LANG")
    sub.add_parser("build", help="compile every .ts into its .qm")
    sub.add_parser("check", help="every string translated, every .qm built from its .ts")
    args = p.parse_args(argv)
    if args.command == "update":
        update(args.new)
        return 0
    if args.command == "build":
        build()
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
