from datetime import date

from nghiquyet import charts


def test_status_chart_is_svg_with_words_and_counts():
    svg = charts.to_svg(
        charts.status_summary({"exceeded": 2, "not_met": 1, "no_data": 3}), title="Tình hình"
    )
    assert svg.startswith("<svg") and 'aria-label="Tình hình"' in svg
    for word in ("Vượt", "Không đạt", "Chưa có số liệu", ">2<", ">3<"):
        assert word in svg


def test_interim_charts_say_chua_dat():
    svg = charts.to_svg(charts.status_summary({"not_met": 1}, final=False), title="x")
    assert "Chưa đạt" in svg


def test_the_same_figure_renders_as_png_for_documents():
    png = charts.to_png(charts.lagging_chart([charts.Lagging("Giải quyết việc làm", 60.0)]))
    assert png.startswith(b"\x89PNG")


def test_history_chart_marks_estimates():
    figure = charts.indicator_history(
        [charts.Point(date(2023, 9, 30), 248, "248", estimate=True)],
        unit="tỷ đồng",
        target=490,
        path=[(date(2023, 1, 1), 0), (date(2023, 12, 31), 490)],
    )
    svg = charts.to_svg(figure, title="x")
    assert "248 (ƯTH)" in svg and "Mục tiêu" in svg


def test_one_value_sits_on_the_resolutions_term_not_on_years_around_it():
    from matplotlib import dates as mdates

    point = [charts.Point(date(2023, 9, 30), 71.5, "71,5")]
    span = (date(2023, 1, 1), date(2023, 12, 31))
    axes = charts.indicator_history(point, unit="%", span=span).axes[0]
    low, high = (mdates.num2date(x).date() for x in axes.get_xlim())
    assert date(2022, 11, 1) < low < date(2023, 1, 1) and date(2023, 12, 31) < high < date(
        2024, 3, 1
    )
    # A value outside the term (the baseline year) widens the axis to show it.
    early = [*point, charts.Point(date(2020, 12, 31), 60, "60")]
    axes = charts.indicator_history(early, unit="%", span=span).axes[0]
    assert mdates.num2date(axes.get_xlim()[0]).date() < date(2020, 12, 31)


def test_the_status_chart_counts_in_whole_indicators():
    figure = charts.status_summary({"no_data": 16})
    ticks = figure.axes[0].get_xticks()
    assert len(ticks) >= 3 and all(tick == int(tick) for tick in ticks)
