"""One look in light and dark: Fusion, a palette per mode and a small style sheet.

Sizes are in points, so the window scales with the screen's DPI (1366×768 to 4K).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES: tuple[str, ...] = ("system", "light", "dark")
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
)

_LIGHT = {
    "window": "#f3f4f6",
    "base": "#ffffff",
    "alt": "#f7f8fa",
    "text": "#1d2330",
    "muted": "#5b6472",
    "mid": "#c9ced6",
    "button": "#e9ecf1",
    "accent": "#2457b3",
    "accent_text": "#ffffff",
    "problem": "#b3261e",
    "tooltip": "#ffffe8",
}
_DARK = {
    "window": "#1e2127",
    "base": "#262a31",
    "alt": "#2c3139",
    "text": "#e6e8ec",
    "muted": "#9aa3b2",
    "mid": "#434a55",
    "button": "#333944",
    "accent": "#5b8def",
    "accent_text": "#0d1117",
    "problem": "#ff7b72",
    "tooltip": "#2c3139",
}


_platform_dark: bool | None = None


def is_dark(mode: str) -> bool:
    if mode == "dark":
        return True
    if mode == "light":
        return False
    # From the platform's own palette (remembered before ours replaces it) rather than
    # from styleHints().colorScheme(): that loads the Qt namespace of enums, ~15 ms at startup.
    global _platform_dark
    if _platform_dark is None:
        _platform_dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _platform_dark


def palette_for(dark: bool) -> QPalette:
    c = _DARK if dark else _LIGHT
    p = QPalette()
    R = QPalette.ColorRole
    p.setColor(R.Window, QColor(c["window"]))
    p.setColor(R.WindowText, QColor(c["text"]))
    p.setColor(R.Base, QColor(c["base"]))
    p.setColor(R.AlternateBase, QColor(c["alt"]))
    p.setColor(R.Text, QColor(c["text"]))
    p.setColor(R.Button, QColor(c["button"]))
    p.setColor(R.ButtonText, QColor(c["text"]))
    p.setColor(R.Highlight, QColor(c["accent"]))
    p.setColor(R.HighlightedText, QColor(c["accent_text"]))
    p.setColor(R.ToolTipBase, QColor(c["tooltip"]))
    p.setColor(R.ToolTipText, QColor(c["text"]))
    p.setColor(R.PlaceholderText, QColor(c["muted"]))
    p.setColor(R.Link, QColor(c["accent"]))
    p.setColor(R.Mid, QColor(c["mid"]))
    p.setColor(R.BrightText, QColor(c["problem"]))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["muted"]))
    return p


def style_sheet(dark: bool) -> str:
    c = _DARK if dark else _LIGHT
    return f"""
QFrame#card {{ background: {c["base"]}; border: 1px solid {c["mid"]}; border-radius: 6px; }}
QLabel#cardTitle {{ font-weight: 600; font-size: 11pt; color: {c["text"]}; }}
QLabel#sideTitle {{ font-size: 14pt; font-weight: 700; }}
QLabel#hint, QLabel#quote {{ color: {c["muted"]}; }}
QLabel#quote {{ font-style: italic; }}
QLabel#problem, QLabel#autosaveWarning {{ color: {c["problem"]}; font-weight: 600; }}
QLabel#redLine {{ color: {c["problem"]}; }}
QLabel#colHead, QLabel#meterHead {{ font-weight: 600; color: {c["muted"]}; }}
QLabel#why {{ background: {c["alt"]}; border-radius: 4px; padding: 6px; }}
QLabel#total {{ font-weight: 600; }}
QLabel#headerTitle {{ font-size: 13pt; font-weight: 700; }}
QLabel#headerInfo {{ color: {c["muted"]}; }}
QLabel#phase {{ background: {c["accent"]}; color: {c["accent_text"]}; border-radius: 10px; padding: 3px 12px;
  font-weight: 600; }}
QLabel#thinking {{ color: {c["accent"]}; font-weight: 600; }}
QLabel#banner {{ background: {c["alt"]}; border-left: 4px solid {c["problem"]}; padding: 6px 10px; }}
QWidget#headerBar, QWidget#actionBar {{ background: {c["base"]}; border-bottom: 1px solid {c["mid"]}; }}
QWidget#actionBar {{ border-top: 1px solid {c["mid"]}; border-bottom: none; }}
QPushButton {{ padding: 4px 12px; }}
QPushButton#primary {{ background: {c["accent"]}; color: {c["accent_text"]}; font-weight: 600; border: none;
  border-radius: 4px; padding: 6px 16px; }}
QPushButton#primary:disabled {{ background: {c["mid"]}; color: {c["muted"]}; }}
QPushButton#primary:focus {{ outline: 2px solid {c["text"]}; }}
QPushButton#danger {{ color: {c["problem"]}; }}
QLabel#handoverTitle {{ font-size: 26pt; font-weight: 700; }}
QLabel#handoverText {{ font-size: 13pt; color: {c["muted"]}; }}
QPushButton#handoverReady {{ font-size: 15pt; font-weight: 700; padding: 10px 30px; background: {c["accent"]};
  color: {c["accent_text"]}; border: none; border-radius: 6px; }}
QLabel#debriefTitle {{ font-size: 22pt; font-weight: 700; }}
QLabel#debriefTier {{ font-size: 16pt; font-weight: 600; color: {c["accent"]}; }}
QToolButton {{ padding: 1px 4px; }}
QToolButton:focus {{ border: 1px solid {c["accent"]}; border-radius: 3px; }}
QTabBar::tab {{ padding: 6px 14px; }}
"""


def apply_theme(app: QApplication, mode: str = "system") -> bool:
    """Apply the look; returns True if dark."""
    if app.style() is None or app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = is_dark(mode)
    app.setPalette(palette_for(dark))
    app.setStyleSheet(style_sheet(dark))
    return dark


def apply_fonts(app: QApplication) -> None:
    """Prefer a font with Chinese glyphs as a fallback, so 中文 renders everywhere."""
    font = QFont(app.font())
    families = [font.family(), *CJK_FAMILIES]
    font.setFamilies(families)
    app.setFont(font)
