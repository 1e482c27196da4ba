"""The chart's layout on hand-made events: stacking, labels, lanes, ranges, ticks. No database."""

import datetime

import pytest

from timeline.chart import style
from timeline.chart.layout import ChartEvent, LaneKey, View, lay_out, ticks
from timeline.models import EARLIEST_SUPPORTED, LATEST_SUPPORTED

JAPAN = LaneKey("japan", "Japan", "#bc002d")
KOREA = LaneKey("south-korea", "South Korea", "#0069b4")
NARA = datetime.date(2026, 1, 13)
FIRST_VIEW = View(datetime.date(2025, 10, 1), datetime.date(2026, 3, 1), 880, "actor", datetime.date(2026, 1, 20))


def event(slug, day=NARA, last=None, importance=3, lanes=(JAPAN,), short_title=None, status="happened", **extra):
    return ChartEvent(
        slug=slug,
        title=f"The title of {slug}",
        short_title=short_title or f"Short {slug}",
        earliest=day,
        latest=last or day,
        precision="day" if last is None else "span",
        status=status,
        importance=importance,
        date_label=str(day),
        lanes=lanes,
        **extra,
    )


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def label_boxes(layout):
    """(left, right, y) of every visible label, from its anchor and estimated width."""
    boxes = []
    for label in layout.labels:
        if label.visible:
            left = label.x_px if label.anchor == "start" else label.x_px - label.width_px
            boxes.append((left, left + label.width_px, label.y))
    return boxes


def test_five_events_of_one_day_get_five_rows():
    layout = lay_out([event(f"nara-{n}", importance=5 - n) for n in range(5)], FIRST_VIEW)
    assert sorted((mark.row, mark.y) for mark in layout.marks) == [(n, 0.75 + n + 0.5) for n in range(5)]
    assert layout.lanes[0].row_count == 5


def test_marks_sharing_a_row_are_a_whole_target_apart():
    days = [NARA + datetime.timedelta(days=n // 3) for n in range(30)]
    view = View(NARA, NARA + datetime.timedelta(days=12), 375)
    layout = lay_out([event(f"e{n}", day) for n, day in enumerate(days)], view)
    for a in layout.marks:
        for b in layout.marks:
            if a is not b and a.lane == b.lane and a.row == b.row:
                assert abs(a.x_px - b.x_px) >= style.MIN_TARGET


def test_the_more_important_event_keeps_its_label():
    # Marks five days (about 29 px) apart fit one row; their labels do not.
    days = [datetime.date(2026, 1, 1) + datetime.timedelta(days=5 * n) for n in range(12)]
    crowd = [event(f"minor-{n}", day, importance=1) for n, day in enumerate(days)]
    crowd.append(event("summit", days[5] + datetime.timedelta(days=2), importance=5))
    layout = lay_out(crowd, FIRST_VIEW)
    visible = {label.slug for label in layout.labels if label.visible}
    summit = next(mark for mark in layout.marks if mark.slug == "summit")
    assert "summit" in visible and summit.row == 0
    # The others show on hover only, but every event has a mark.
    assert 1 < len(visible) < len(crowd)
    assert {mark.slug for mark in layout.marks} == {e.slug for e in crowd}
    assert {label.slug for label in layout.labels if not label.visible} == {e.slug for e in crowd} - visible


def test_a_mark_that_needs_a_new_row_brings_its_label():
    layout = lay_out([event(f"nara-{n}", importance=5 - n % 5) for n in range(8)], FIRST_VIEW)
    assert all(label.visible for label in layout.labels)


def test_no_two_visible_labels_overlap_and_none_leaves_the_plot():
    days = [datetime.date(2025, 10, 1) + datetime.timedelta(days=3 * n) for n in range(50)]
    events = [
        event(f"e{n}", day, importance=1 + n % 5, short_title="A fairly long label " * (n % 2 + 1))
        for n, day in enumerate(days)
    ]
    for width in (375, 880, 1200):
        layout = lay_out(events, View(FIRST_VIEW.start, FIRST_VIEW.end, width))
        boxes = label_boxes(layout)
        assert boxes
        for left, right, _ in boxes:
            assert left >= 0 and right <= width
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert a[2] != b[2] or not overlaps(a, b)


def test_a_label_that_does_not_fit_on_the_right_goes_left():
    layout = lay_out([event("late", datetime.date(2026, 2, 27))], FIRST_VIEW)
    (label,) = layout.labels
    assert label.visible and label.anchor == "end" and label.x_px <= FIRST_VIEW.width


def test_zooming_in_reveals_more_labels():
    days = [datetime.date(2025, 6, 1) + datetime.timedelta(days=5 * n) for n in range(60)]
    events = [event(f"e{n}", day, importance=1 + n % 5) for n, day in enumerate(days)]
    start, end = datetime.date(2025, 9, 1), datetime.date(2025, 10, 1)
    in_close_view = {e.slug for e in events if start <= e.earliest < end}
    wide = lay_out(events, View(datetime.date(2025, 1, 1), datetime.date(2027, 1, 1), 880))
    close = lay_out(events, View(start, end, 880))
    labelled = lambda layout: {l.slug for l in layout.labels if l.visible} & in_close_view  # noqa: E731, E741
    assert labelled(close) == in_close_view
    assert len(labelled(wide)) < len(in_close_view)


def test_lanes_are_capped_and_the_smallest_share_an_other_lane():
    actors = [LaneKey(f"a{n}", f"Actor {n}", "#123456") for n in range(12)]
    # Actor n has 12 - n events.
    events = [event(f"e{n}-{k}", lanes=(actors[n],)) for n in range(12) for k in range(12 - n)]
    layout = lay_out(events, FIRST_VIEW)
    names = [lane.name for lane in layout.lanes]
    assert len(names) == style.MAX_LANES
    assert names[:-1] == [f"Actor {n}" for n in range(style.MAX_LANES - 1)]
    other = layout.lanes[-1]
    assert other.name == f"{style.OTHER_ACTORS} (5)"
    assert other.members == tuple(f"Actor {n}" for n in range(style.MAX_LANES - 1, 12))
    assert {mark.lane for mark in layout.marks if mark.slug.startswith("e11-")} == {"other"}


def test_a_long_lane_name_is_cut_to_fit_the_plot():
    story = LaneKey("story", "Japan–China dispute after the Taiwan remark", "#123456")
    layout = lay_out([event("a", lanes=(story,))], View(FIRST_VIEW.start, FIRST_VIEW.end, 200, "arc"))
    (lane,) = layout.lanes
    assert lane.name.endswith("…") and len(lane.name) * style.LABEL_CHAR_WIDTH <= 200 - style.LANE_NAME_INSET
    assert lane.full_name == "Japan–China dispute after the Taiwan remark"


def test_no_lane_without_an_event_in_view():
    layout = lay_out(
        [event("now", lanes=(JAPAN,)), event("long-ago", datetime.date(2015, 9, 3), lanes=(KOREA,))], FIRST_VIEW
    )
    assert [lane.name for lane in layout.lanes] == ["Japan"]
    # The event out of view waits, out of sight, in a lane that is drawn.
    long_ago = next(mark for mark in layout.marks if mark.slug == "long-ago")
    assert long_ago.x_px < 0 and long_ago.lane == "japan"


def test_events_out_of_view_are_laid_out_in_the_lanes_drawn_for_a_pan():
    layout = lay_out([event("now"), event("last-year", datetime.date(2025, 1, 10))], FIRST_VIEW)
    before = next(mark for mark in layout.marks if mark.slug == "last-year")
    assert before.x_px < 0 and before.lane == "japan"
    assert [label.slug for label in layout.labels if label.visible] == ["now"]


def test_an_event_without_lanes_goes_to_the_other_lane():
    layout = lay_out([event("a"), event("b", lanes=())], View(FIRST_VIEW.start, FIRST_VIEW.end, 880, "arc"))
    assert [lane.name for lane in layout.lanes] == ["Japan", style.OTHER_STORIES]


def test_lanes_none_is_one_row_of_stacked_events():
    view = View(NARA, NARA + style.DAY, 880, "none")
    layout = lay_out([event("a", lanes=(JAPAN,)), event("b", lanes=(KOREA,))], view)
    assert len(layout.lanes) == 1 and layout.lanes[0].name == ""
    assert sorted(mark.row for mark in layout.marks) == [0, 1]


def test_an_event_in_two_lanes_is_labelled_once():
    layout = lay_out([event("summit", lanes=(JAPAN, KOREA))], FIRST_VIEW)
    assert len(layout.marks) == 2
    assert [label.slug for label in layout.labels if label.visible] == ["summit"]
    assert sum(mark.primary for mark in layout.marks) == 1


def test_range_bars_come_first_and_sit_below_the_marks_line():
    occupation = event("occupation", datetime.date(1910, 1, 1), datetime.date(1945, 12, 31), importance=2)
    summit = event("summit", datetime.date(1930, 1, 1), importance=5)
    layout = lay_out([summit, occupation], View(datetime.date(1900, 1, 1), datetime.date(1960, 1, 1), 880))
    assert layout.marks[0].slug == "occupation" and layout.marks[0].bar is not None
    bar = layout.marks[0].bar
    assert bar.y > layout.marks[0].y
    assert 0 <= bar.x0_px < bar.x1_px <= 880
    # The mark and label of a range stand at its start.
    assert layout.marks[0].x == datetime.date(1910, 1, 1)


def test_a_range_that_began_before_the_view_keeps_its_mark_in_view():
    controls = event("controls", datetime.date(2025, 11, 1), datetime.date(2026, 1, 13))
    layout = lay_out([controls], View(NARA, NARA + style.DAY * 3, 880))
    (mark,) = layout.marks
    assert 0 <= mark.x_px <= 880


def test_an_unconfirmed_event_says_so():
    takeshima = event(
        "takeshima", datetime.date(2026, 2, 22), status="scheduled", unconfirmed_since=datetime.date(2026, 1, 14)
    )
    layout = lay_out([takeshima], FIRST_VIEW)
    assert "not confirmed since 14 Jan 2026" in layout.marks[0].hover
    assert layout.marks[0].symbol == "circle-open"


def test_an_unconfirmed_label_drops_its_note_where_only_the_short_title_fits():
    takeshima = event(
        "takeshima",
        datetime.date(2026, 2, 22),
        status="scheduled",
        short_title="Takeshima Day",
        unconfirmed_since=datetime.date(2026, 1, 14),
    )
    roomy = lay_out([takeshima], FIRST_VIEW)
    assert [label.text for label in roomy.labels] == ["Takeshima Day (unconfirmed)"]
    # 20 px a day: a neighbour four days before leaves room for the short title only.
    neighbour = event("neighbour", datetime.date(2026, 2, 18), importance=5, short_title="N")
    tight = lay_out([neighbour, takeshima], View(datetime.date(2026, 2, 12), datetime.date(2026, 2, 28), 320))
    label = next(label for label in tight.labels if label.slug == "takeshima")
    assert label.visible and label.text == "Takeshima Day"


def test_each_status_has_its_own_mark_and_the_key_names_them():
    statuses = ("happened", "scheduled", "expected", "cancelled")
    layout = lay_out([event(status, status=status) for status in statuses], FIRST_VIEW)
    assert len({mark.symbol for mark in layout.marks}) == 4
    assert [entry.kind for entry in layout.key][:5] == ["happened", "scheduled", "expected", "cancelled", "range"]


@pytest.mark.parametrize(
    "start, end",
    [
        (datetime.date(2026, 1, 13), datetime.date(2026, 1, 16)),
        (datetime.date(2025, 11, 1), datetime.date(2026, 1, 1)),
        (datetime.date(2025, 1, 1), datetime.date(2026, 3, 1)),
        (datetime.date(1900, 1, 1), datetime.date(2030, 1, 1)),
        (EARLIEST_SUPPORTED, LATEST_SUPPORTED + style.DAY),
    ],
)
@pytest.mark.parametrize("width", [375, 1200])
def test_ticks_are_dates_that_fit(start, end, width):
    found = ticks(start, end, width)
    assert found
    for tick in found:
        assert ":" not in tick.text
        half = len(tick.text) * style.TICK_CHAR_WIDTH / 2
        assert half <= tick.x_px <= width - half
    for a, b in zip(found, found[1:]):
        assert b.x_px - a.x_px >= (len(a.text) + len(b.text)) / 2 * style.TICK_CHAR_WIDTH


def test_a_three_day_zoom_ticks_each_day():
    assert [tick.text for tick in ticks(NARA, NARA + style.DAY * 3, 375)] == ["13 Jan 2026", "14 Jan", "15 Jan"]


def test_the_supported_extremes_lay_out():
    events = [
        event("first", EARLIEST_SUPPORTED, EARLIEST_SUPPORTED + style.DAY * 400),
        event("last", LATEST_SUPPORTED - style.DAY * 30, LATEST_SUPPORTED),
    ]
    layout = lay_out(events, View(EARLIEST_SUPPORTED, LATEST_SUPPORTED + style.DAY, 375, "actor", LATEST_SUPPORTED))
    assert {mark.slug for mark in layout.marks} == {"first", "last"}
    assert layout.today is not None
    for day in (EARLIEST_SUPPORTED, LATEST_SUPPORTED):
        assert lay_out(events, View(day, day + style.DAY, 375)).ticks


def test_today_line_only_when_today_is_in_view():
    assert lay_out([event("a")], FIRST_VIEW).today.x == datetime.date(2026, 1, 20)
    later = View(FIRST_VIEW.start, FIRST_VIEW.end, 880, "actor", datetime.date(2026, 11, 23))
    assert lay_out([event("a")], later).today is None


@pytest.mark.parametrize("width", [375, 880, 1280])
def test_labels_in_a_row_keep_a_gap_between_them(width):
    # Busy weeks: many events a few days apart, with short and long labels, so labels pack tight.
    start = datetime.date(2026, 1, 1)
    events = [
        event(f"e{n}", start + datetime.timedelta(days=n * 7 % 61), importance=1 + n % 5, short_title="x" * (4 + n % 9))
        for n in range(60)
    ]
    layout = lay_out(events, View(start, start + datetime.timedelta(days=62), width))
    boxes = label_boxes(layout)
    assert len(boxes) > 10
    for a in boxes:
        for b in boxes:
            if a is not b and a[2] == b[2] and a[0] <= b[0]:
                assert b[0] - a[1] >= style.LABEL_MIN_GAP, (a, b)


def relative_luminance(colour):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


DARK_BACKGROUND = "#121214"  # --bg in site.css, dark


@pytest.mark.parametrize(
    "colour", [*style.ARC_COLOURS, style.OTHER_COLOUR, style.NEUTRAL_COLOUR, "#000000", "#bc002d", "#0069b4"]
)
def test_every_chart_colour_on_a_dark_page_stands_out_three_to_one(colour):
    twin = style.dark_colour(colour)
    assert twin is not None
    lighter, darker = relative_luminance(twin), relative_luminance(DARK_BACKGROUND)
    assert (lighter + 0.05) / (darker + 0.05) >= 3


def test_only_hex_colours_get_a_dark_twin():
    assert style.dark_colour("rgba(0,0,0,0.5)") is None
    assert style.dark_colour("#abc") is None


def test_a_long_label_is_cut_short_where_the_whole_one_does_not_fit():
    # A phone's plot: the mark in the middle, the whole label wider than either side of it.
    long_title = "First Takaichi–Lee meeting at the APEC summit in Gyeongju"
    view = View(NARA - datetime.timedelta(days=10), NARA + datetime.timedelta(days=11), 340)
    layout = lay_out([event("apec", short_title=long_title)], view)
    (label,) = layout.labels
    assert label.visible
    assert label.text.endswith("…") and len(label.text) <= style.LABEL_CUT_CHARS
    assert long_title.startswith(label.text.removesuffix("…"))
    assert label.title == "The title of apec"  # shown whole on hover


def test_a_label_that_fits_whole_is_not_cut():
    layout = lay_out([event("apec", short_title="First Takaichi–Lee meeting at APEC")], FIRST_VIEW)
    (label,) = layout.labels
    assert label.text == "First Takaichi–Lee meeting at APEC" and label.title == ""


def bars_by_row(layout):
    """(lane, row) -> [(x0, x1, slug)] of every range bar drawn in the plot."""
    rows = {}
    for mark in layout.marks:
        if mark.bar and mark.bar.x1_px > mark.bar.x0_px:
            rows.setdefault((mark.lane, mark.row), []).append((mark.bar.x0_px, mark.bar.x1_px, mark.slug))
    return rows


def assert_no_label_crosses_another_events_bar(layout):
    bars = bars_by_row(layout)
    rows = {(mark.lane, mark.slug): mark.row for mark in layout.marks}
    lanes = {mark.slug: mark.lane for mark in layout.marks if mark.primary}
    for label in layout.labels:
        if not label.visible:
            continue
        lane = lanes[label.slug]
        left = label.x_px if label.anchor == "start" else label.x_px - label.width_px
        for x0, x1, slug in bars.get((lane, rows[(lane, label.slug)]), []):
            assert slug == label.slug or not overlaps((left, left + label.width_px), (x0, x1)), (label, slug)


def test_a_range_bar_placed_later_never_runs_under_a_label():
    # 20 px a day: the summit's label runs right of day 5; the minor range spans days 0 to 12.
    view = View(NARA, NARA + datetime.timedelta(days=30), 600)
    summit = event("summit", NARA + datetime.timedelta(days=5), importance=5)
    vague = event("vague", NARA, last=NARA + datetime.timedelta(days=12), importance=1, short_title="V")
    layout = lay_out([summit, vague], view)
    assert_no_label_crosses_another_events_bar(layout)
    marks = {mark.slug: mark for mark in layout.marks}
    assert marks["summit"].row != marks["vague"].row
    assert all(label.visible for label in layout.labels)


def test_a_label_is_never_placed_over_an_earlier_range_bar():
    view = View(NARA, NARA + datetime.timedelta(days=30), 600)
    vague = event("vague", NARA, last=NARA + datetime.timedelta(days=12), importance=5, short_title="V")
    # Its mark may stand on the bar; its label, right of it, would cross the bar.
    inside = event("inside", NARA + datetime.timedelta(days=8), importance=1, short_title="In")
    layout = lay_out([vague, inside], view)
    assert_no_label_crosses_another_events_bar(layout)
    assert all(label.visible for label in layout.labels)


def test_no_label_crosses_a_range_bar_in_a_busy_lane():
    start = datetime.date(2026, 1, 1)
    events = [
        event(
            f"e{n}",
            start + datetime.timedelta(days=n * 5 % 58),
            last=start + datetime.timedelta(days=n * 5 % 58 + n % 11) if n % 3 == 0 else None,
            importance=1 + n % 5,
        )
        for n in range(40)
    ]
    for width in (375, 880, 1280):
        assert_no_label_crosses_another_events_bar(
            lay_out(events, View(start, start + datetime.timedelta(days=62), width))
        )


def test_a_mark_with_no_room_for_its_label_moves_to_a_row_where_it_fits():
    # Takeshima Day beside Summit in Nara on a phone: six events of one day fill six rows, each
    # with its label to its right; a later, minor event near the right edge has room for its
    # label on its left only, which those labels take in every row. It opens a row of its own.
    view = View(NARA, NARA + datetime.timedelta(days=30), 375)
    crowd = [event(f"nara-{n}", NARA + datetime.timedelta(days=20), importance=4) for n in range(6)]
    late = event("takeshima", NARA + datetime.timedelta(days=28), importance=2)
    layout = lay_out([*crowd, late], view)
    labels = {label.slug: label for label in layout.labels}
    assert labels["takeshima"].visible and labels["takeshima"].anchor == "end"
    assert all(label.visible for label in layout.labels)
    boxes = label_boxes(layout)
    for left, right, _ in boxes:
        assert left >= 0 and right <= view.width
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] != b[2] or not overlaps(a, b)
    # The same every time.
    again = lay_out([*crowd, late], view)
    assert [(m.slug, m.row) for m in again.marks] == [(m.slug, m.row) for m in layout.marks]


def test_a_mark_moves_to_an_existing_row_before_opening_a_new_one():
    view = View(NARA, NARA + datetime.timedelta(days=30), 375)
    crowd = [event(f"nara-{n}", NARA + datetime.timedelta(days=20), importance=4) for n in range(5)]
    # A minor mark on the left, alone in a deep row: the late event can join it there.
    early = event("early", NARA + datetime.timedelta(days=1), importance=3, short_title="E")
    late = event("takeshima", NARA + datetime.timedelta(days=28), importance=2)
    layout = lay_out([*crowd, early, late], view)
    rows_before = lay_out([*crowd, early], view).lanes[0].row_count
    assert {label.slug for label in layout.labels if label.visible} >= {"takeshima"}
    assert layout.lanes[0].row_count <= rows_before + 1


def over(colour, opacity, background):
    """The colour drawn at this opacity over the background, as #rrggbb."""
    mix = [
        round(int(colour[i : i + 2], 16) * opacity + int(background[i : i + 2], 16) * (1 - opacity)) for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{channel:02x}" for channel in mix)


# A lane's band (LANE_BAND_COLOUR, grey at 7%) lightens the dark page a little under the bars.
DARK_LANE_BAND = over("#808080", 0.07, DARK_BACKGROUND)


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    "colour", [*style.ARC_COLOURS, style.OTHER_COLOUR, style.NEUTRAL_COLOUR, "#000000", "#bc002d", "#0069b4"]
)
def test_range_bars_on_a_dark_page_stand_out_three_to_one_yet_are_thinner_than_marks(colour):
    twin = style.dark_colour(colour)
    for background in (DARK_BACKGROUND, DARK_LANE_BAND):
        assert contrast_ratio(over(twin, style.RANGE_BAR_DARK_OPACITY, background), background) >= 3
    assert style.RANGE_BAR_DARK_WIDTH < style.RANGE_BAR_WIDTH < style.MARK_SIZE


def test_a_view_labels_at_most_max_labels_events_the_most_important_first():
    # One event a day over a wide plot, so each would have room for its label.
    days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=n) for n in range(style.MAX_LABELS + 40)]
    events = [event(f"e{n:03}", day, importance=5 if n % 4 == 0 else 1) for n, day in enumerate(days)]
    view = View(days[0], days[-1] + datetime.timedelta(days=1), style.MAX_PLOT_WIDTH * 2)
    layout = lay_out(events, view)
    shown = {label.slug for label in layout.labels if label.visible}
    assert len(shown) == style.MAX_LABELS
    assert {e.slug for e in events if e.importance == 5} <= shown
    # Every event keeps its mark, and its label on hover and focus.
    assert {mark.slug for mark in layout.marks} == {e.slug for e in events}
    assert {label.slug for label in layout.labels} == {e.slug for e in events}
