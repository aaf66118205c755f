"""Words for people, in the reader's language — the Qt-free layers' one translation mechanism.

Everything outside the window (terminal, command-line messages, news, AI reasons, rule
refusals, registry labels) writes English message ids and renders them at display time
through gettext catalogs: ``game/locale/<lang>/LC_MESSAGES/tariff_talks.po`` (the source a
translator edits, extracted and compiled with Babel, see ``docs/translating.md``) and the
``.mo`` compiled from it. The window uses Qt's own mechanism (``tr()`` and ``.ts``/``.qm``,
``game/ui/i18n.py``); both meet in the language code.

    from game.i18n import N_, t, nt

    t(lang, "Turn {turn} of {last}", turn=3, last=13)
    nt(lang, "{n} week left", "{n} weeks left", n, n=n)
    LABEL = N_("Growth")          # marked for extraction, translated when shown: t(lang, LABEL)
    warning = Said("the file {name} has changed", name=n)   # English now, warning.text(lang) later

This module imports nothing of ``game``: every layer may use it.
"""

from __future__ import annotations

import gettext
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

DOMAIN = "tariff_talks"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
#: The pseudo-locale: every string accented and about 30% longer, so untranslated (plain) and
#: clipped (cut) text stands out on screenshots. It needs no catalog.
PSEUDO = "en-XA"

_lock = threading.Lock()


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate when shown)."""
    return message


def normalise(lang: str | None) -> str:
    """``"zh_CN"``, ``"zh-Hans"`` and ``"ZH"`` -> ``"zh"``; ``None`` or ``""`` -> English."""
    if not lang:
        return SOURCE_LANGUAGE
    code = lang.replace("_", "-")
    if code.lower() == PSEUDO.lower():
        return PSEUDO
    return code.split("-")[0].lower()


def available_languages() -> list[str]:
    """English plus every language with a compiled catalog (the pseudo-locale is not listed)."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [SOURCE_LANGUAGE, *[c for c in found if c != SOURCE_LANGUAGE]]


@lru_cache(maxsize=16)
def translation(lang: str | None) -> gettext.NullTranslations:
    """The catalog for ``lang``; English (the message ids themselves) where there is none."""
    code = normalise(lang)
    if code in (SOURCE_LANGUAGE, PSEUDO):
        return gettext.NullTranslations()
    with _lock:
        return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True)


def _fill(text: str, fields: dict[str, object], english: str) -> str:
    """``text`` with its fields; a translation that names a field the code does not pass (or
    has a stray brace) falls back to the English message rather than fail in front of a player
    (``tests/test_catalogs.py`` keeps the committed catalogs from doing so)."""
    if not fields:
        return text
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return english.format(**fields)


def t(lang: str | None, message: str, /, **fields: object) -> str:
    """``message`` in ``lang``, with ``{placeholders}`` filled from ``fields``."""
    if normalise(lang) == PSEUDO:
        return _fill(pseudo(message), fields, message)
    return _fill(translation(lang).gettext(message), fields, message)


def nt(lang: str | None, singular: str, plural: str, n: int, /, **fields: object) -> str:
    """The singular or plural form for ``n`` in ``lang`` (the language's own plural rule)."""
    english = singular if n == 1 else plural
    if normalise(lang) == PSEUDO:
        return _fill(pseudo(english), fields, english)
    return _fill(translation(lang).ngettext(singular, plural, n), fields, english)


def pt(lang: str | None, context: str, message: str, /, **fields: object) -> str:
    """``message`` in ``lang`` where the same English word needs different translations."""
    if normalise(lang) == PSEUDO:
        return _fill(pseudo(message), fields, message)
    return _fill(translation(lang).pgettext(context, message), fields, message)


class Said(str):
    """An English sentence that keeps its message id and fields, for a reader in another
    language: ``Said(N_msg, **fields)`` is the English text (a plain ``str`` wherever one is
    expected: logs, tests, lists of warnings); ``said.text(lang)`` is it in ``lang``."""

    msgid: str
    fields: dict[str, object]

    def __new__(cls, msgid: str, /, **fields: object) -> Said:
        said = super().__new__(cls, msgid.format(**fields) if fields else msgid)
        said.msgid = msgid
        said.fields = fields
        return said

    def text(self, lang: str | None) -> str:
        # a field that is itself said (a clause) is read in ``lang`` too
        return t(
            lang,
            self.msgid,
            **{k: v.text(lang) if isinstance(v, Said) else v for k, v in self.fields.items()},
        )


class Joined(Said):
    """Sentences or clauses said one after the other, each read in the reader's language:
    ``Joined(Said(a), Said(b))`` is their English text; ``.text(lang)`` joins them in ``lang``."""

    parts: tuple[Said, ...]

    def __new__(cls, *parts: Said) -> Joined:
        said = str.__new__(cls, "".join(parts))
        said.msgid = str(said)
        said.fields = {}
        said.parts = parts
        return said

    def text(self, lang: str | None) -> str:
        return "".join(p.text(lang) for p in self.parts)


def text_of(words: str, lang: str | None) -> str:
    """``words`` in ``lang`` if they are :class:`Said`; a plain string as it is."""
    return words.text(lang) if isinstance(words, Said) else words


_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)


def pseudo(message: str) -> str:
    """The pseudo-locale's form of ``message``: accented, bracketed, about 30% longer.

    ``{placeholders}``, ``&`` accelerators and ``%`` formats are kept as they are, so the
    string still formats; the brackets show where a string was cut.
    """
    if not message.strip():
        return message
    out: list[str] = []
    depth = 0
    for ch in message:
        if ch == "{":
            depth += 1
        if depth:
            out.append(ch)
        else:
            out.append(ch.translate(_ACCENTS))
        if ch == "}" and depth:
            depth -= 1
    body = "".join(out)
    letters = sum(1 for ch in message if unicodedata.category(ch).startswith("L"))
    pad = "~" * max(1, round(letters * 0.3))
    return f"[{body} {pad}]"
