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
