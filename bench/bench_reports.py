"""Benchmark: a 50-indicator review report as Word (goal < 2 s) and Excel (goal < 1 s).

Builds, in a fresh SQLite database in a temporary folder, one district resolution with 50
indicators in five fields, a year plan for each, 9-month figures for 2023 and 2022 and
assessments for the lagging ones; then times ``build_report`` end to end (database reads,
evaluation, content, rendering — charts included for Word) and, when LibreOffice is
installed, the PDF.

    python3 -m uv run python bench/bench_reports.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
FOLDER = tempfile.mkdtemp(prefix="nghiquyet-bench-reports-")
os.environ["NGHIQUYET_DATA_DIR"] = FOLDER
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")

INDICATORS = 50
FIELDS = ("Kinh tế", "Văn hóa - xã hội", "Môi trường", "Quốc phòng - an ninh", "Xây dựng Đảng")


def generate() -> None:
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target
    from nghiquyet.reports.services import set_issuer_settings
    from nghiquyet.results.audit import Actor
    from nghiquyet.results.models import Assessment, Observation

    rng = random.Random(20231010)
    province = OrgUnit.objects.create(
        code="tinh", name="Tỉnh Thử", kind="province", path="/tinh/", place_name="Thử"
    )
    district = OrgUnit.objects.create(
        code="huyen", name="Huyện Thử", kind="district", parent=province, path="/tinh/huyen/"
    )
    committee = OrgUnit.objects.create(
        code="huyen-uy",
        name="Huyện ủy Thử",
        kind="party_committee",
        parent=district,
        path="/tinh/huyen/huyen-uy/",
        place_name="Thử",
    )
    set_issuer_settings(
        committee, {"recipients": "- Tỉnh ủy (b/c),\n- Lưu VP."}, actor=Actor.system("bench")
    )
    resolution = Resolution.objects.create(
        code="bench-2023",
        title="Nghị quyết của Ban Chấp hành Đảng bộ huyện Thử về nhiệm vụ năm 2023",
        kind="annual",
        issuer=committee,
        scope=district,
        first_year=2023,
        last_year=2023,
    )
    groups = [
        IndicatorGroup.objects.create(resolution=resolution, position=i + 1, title=title)
        for i, title in enumerate(FIELDS)
    ]
    for number in range(1, INDICATORS + 1):
        indicator = Indicator.objects.create(
            resolution=resolution,
            group=groups[(number - 1) * len(groups) // INDICATORS],
            code=str(number),
            position=number,
            name=f"Chỉ tiêu thử số {number} về sản xuất, dịch vụ và đời sống nhân dân",
            unit=rng.choice(["ha", "tấn", "tỷ đồng", "%", "lao động"]),
            direction="up",
            kind="flow",
        )
        plan = Decimal(rng.randrange(100, 5000))
        Target.objects.create(
            indicator=indicator,
            scope="year",
            year=2023,
            source="annual",
            comparator="eq",
            value=plan,
            raw_text=str(plan),
        )
        actual = (plan * Decimal(rng.uniform(0.4, 1.2))).quantize(Decimal("0.1"))
        for period, value, end in (
            ("2023-9M", actual, date(2023, 9, 30)),
            ("2022-9M", actual * Decimal("0.93"), date(2022, 9, 30)),
        ):
            Observation.objects.create(
                indicator=indicator,
                org_unit=district,
                period=period,
                period_end=end,
                value=value,
                raw_text=str(value),
                source="import",
                source_ref="bench",
                reported_on=date(2023, 10, 5),
            )
        if actual < plan * Decimal("0.75"):
            Assessment.objects.create(
                indicator=indicator,
                org_unit=district,
                period="2023-9M",
                causes_subjective="Nguyên nhân chủ quan ghi trong đánh giá.",
                remedies="Giải pháp ghi trong đánh giá.",
            )


def timed(runs: int, action) -> tuple[float, float, int]:
    """(first run, median of the rest, size in bytes)."""
    started = time.perf_counter()
    size = len(action().content)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    from nghiquyet.reports import build_report
    from nghiquyet.reports.pdf.convert import soffice

    call_command("migrate", verbosity=0)
    generate()

    def report(fmt: str):
        return lambda: build_report("bench-2023", "2023-9M", as_of=date(2023, 10, 5), fmt=fmt)

    print(f"{INDICATORS} chỉ tiêu, 5 lĩnh vực, kỳ 9 tháng, SQLite ({FOLDER})")
    for fmt, goal in (("docx", 2.0), ("xlsx", 1.0)):
        first, median, size = timed(args.runs, report(fmt))
        verdict = "OK" if median < goal else "CHẬM"
        print(
            f"{fmt}: trung vị {median:.3f} s trong {args.runs} lần (lần đầu {first:.2f} s) "
            f"— mục tiêu < {goal:g} s: {verdict}; {size / 1024:.0f} KB"
        )
    if soffice():
        first, median, size = timed(2, report("pdf"))
        print(f"pdf (LibreOffice): {median:.2f} s (lần đầu {first:.2f} s); {size / 1024:.0f} KB")
    else:
        print("pdf: bỏ qua — chưa cài LibreOffice (soffice)")
    shutil.rmtree(FOLDER, ignore_errors=True)


if __name__ == "__main__":
    main()
