"""The timeline's look in one place: every colour, named by what it is for, and its fonts.

The painters (gui/timeline/paint.py, gui/timeline/legend.py) and the tooltips take their colours
from here and never spell one out, so a colour is changed once and the legend always matches the
timeline it explains. Geometry (row heights, lane height) is layout, not look: it lives in
gui/timeline/layout.py, which has no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF


def with_alpha(colour: QColor, alpha: int) -> QColor:
    """`colour` made translucent (for vague ranges, whose fill lets the lanes show through)."""
    return QColor(colour.red(), colour.green(), colour.blue(), alpha)


# -- the timeline's ground ----------------------------------------------------------------------
BG = QColor("#ffffff")
LANE_ALT = QColor("#f7f9fc")  # every other lane
FOCUS_RING = QColor("#93c5fd")

# -- axis: the context row (day/month/year) and the tick row -----------------------------------
CONTEXT_BG = (QColor("#e8edf5"), QColor("#dde4ef"))  # alternating periods
CONTEXT_FG = QColor("#1e293b")
TICK_ROW_BG = QColor("#f8fafc")
AXIS_RULE = QColor("#cbd5e1")  # the line under the tick row
TICK_FG = QColor("#475569")
GRID = QColor("#e6eaf0")
GRID_MAJOR = QColor("#c5cedb")  # where a context period starts

# -- events -------------------------------------------------------------------------------------
TEXT = QColor("#111827")  # an event's label
VAGUE_TEXT = QColor("#134e4a")  # the label of a vague range
HAPPENED = QColor("#1d4ed8")
HAPPENED_FILL = QColor("#dbe6fd")
SCHEDULED = QColor("#b45309")  # scheduled or expected, not (yet) happened
SCHEDULED_FILL = QColor("#fff7ed")
HOLLOW = QColor("#ffffff")  # inside the hollow diamond of a scheduled point
VAGUE = QColor("#0f766e")  # known only to a month, season, year...
KEY_DAY = QColor("#e11d48")  # the pin under a key date on the day axis (gui/keydates.py)
DISMISSED = QColor("#94a3b8")  # the user said it is not an event: faded and struck through
SELECT = QColor("#111827")
SELECT_GLOW = QColor(250, 204, 21, 150)
LABEL_BACKING = QColor(255, 255, 255, 235)  # behind the label of the selected event drawn on top

# -- lists: the articles table (gui/mainwindow/documents.py) ------------------------------------
PLACEHOLDER = QColor("#64748b")  # "(no headline: article 12)", "—": nothing found to show
NEEDS_USER = QColor("#b91c1c")  # what only the user can give: an article's missing date

# -- find: events matching the search stand out, the others are dimmed ---------------------------
MATCH = QColor("#c026d3")  # the ring around a match's mark, the edge of a "+n" mark holding one
MATCH_BG = QColor("#fae8ff")  # behind a match's mark and label (opaque: paints fast)
DIM_VEIL = QColor(255, 255, 255, 170)  # laid over the events not matching while finding

# translucency of vague ranges (alpha out of 255)
RANGE_MARK_FILL_ALPHA = 70
RANGE_MARK_EDGE_ALPHA = 140
RANGE_BODY_FILL_ALPHA = 60
RANGE_BODY_FADE_ALPHA = 15  # at both ends, where the range fades out
RANGE_BODY_EDGE_ALPHA = 110

# -- badges: sources, disagreement, review ------------------------------------------------------
BADGE_BG = QColor("#e2e8f0")
BADGE_FG = QColor("#334155")
CONFLICT_BG = QColor("#fee2e2")  # the sources badge of an event whose sources disagree
CONFLICT_FG = QColor("#991b1b")
REVIEWED_BG = QColor("#dcfce7")  # the user checked this event
REVIEWED_FG = QColor("#166534")

# -- "+n" marks (the events without a lane) and quiet outlines ----------------------------------
CLUSTER = QColor("#94a3b8")
CLUSTER_FG = QColor("#1e293b")
MARK_FILL = QColor("#f1f5f9")  # inside a "+n" mark
# A "+n" mark is a button (click: zoom into what it holds): raised, darker under the pointer.
MARK_BUTTON_EDGE = QColor("#64748b")
MARK_BUTTON_SHADOW = QColor("#cbd5e1")
MARK_BUTTON_HOVER = QColor("#dbe6fd")
MARK_BUTTON_HOVER_EDGE = HAPPENED
# The minimap under the timeline: the events' density over their whole span, the part shown.
MINIMAP_BG = QColor("#f1f5f9")
MINIMAP_BARS = QColor("#94a3b8")
MINIMAP_WINDOW = QColor(29, 78, 216, 40)
MINIMAP_WINDOW_EDGE = QColor("#1d4ed8")

# -- plain text on the timeline and the legend --------------------------------------------------
BODY_FG = QColor("#334155")  # the empty timeline's title, messages, the legend's words
HINT_FG = QColor("#64748b")  # secondary text: the empty timeline's detail, the legend's hint
NOTE_FG = QColor("#475569")  # secondary text on the window's grey (HINT_FG is too faint there)
LEGEND_BG = QColor("#f8fafc")
LEGEND_RULE = QColor("#e2e8f0")  # the line between the timeline and the legend

# -- tooltips (HTML; colours written with .name()) ----------------------------------------------
TIP_STATUS = SCHEDULED
TIP_CONFLICT = QColor("#b91c1c")
TIP_REVIEWED = REVIEWED_FG
TIP_DISMISSED = HINT_FG

# -- fonts --------------------------------------------------------------------------------------
LABEL_MIN_PT = 10.0  # labels are never smaller than this, whatever the desktop's font
SMALL_FACTOR = 0.82  # ticks, badges, counts
EMPTY_TITLE_FACTOR = 1.4  # "No events yet"
LEGEND_MIN_PT = 9.0
LEGEND_FACTOR = 0.9


@dataclass
class TimelineFonts:
    """The timeline's fonts, made from the widget's font, and their metrics."""

    label: QFont
    bold: QFont  # the selected event's label
    small: QFont
    context: QFont
    empty_title: QFont
    fm: QFontMetricsF
    fm_bold: QFontMetricsF
    fm_small: QFontMetricsF
    fm_context: QFontMetricsF

    @classmethod
    def from_font(cls, font: QFont) -> TimelineFonts:
        base = QFont(font)
        if base.pointSizeF() < LABEL_MIN_PT:
            base.setPointSizeF(LABEL_MIN_PT)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * SMALL_FACTOR)
        context = QFont(base)
        context.setBold(True)
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * EMPTY_TITLE_FACTOR)
        return cls(label=base, bold=bold, small=small, context=context, empty_title=title,
                   fm=QFontMetricsF(base), fm_bold=QFontMetricsF(bold),
                   fm_small=QFontMetricsF(small), fm_context=QFontMetricsF(context))


def legend_font(font: QFont) -> QFont:
    f = QFont(font)
    f.setPointSizeF(max(LEGEND_MIN_PT, f.pointSizeF() * LEGEND_FACTOR))
    return f

# -- notices above the timeline (an interrupted import), as style-sheet colours -------------
NOTICE_BG = "#fffbeb"
NOTICE_BORDER = "#fcd34d"
