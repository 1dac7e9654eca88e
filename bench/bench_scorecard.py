"""Benchmark: scorecards over a million observations (issue 2, item 8).

Generates 3.000 communes, each with a 2020–2025 resolution of 30 indicators, and 11 periods of
observations for every indicator (2021–2025 years, H1 and 9M of 2021–2023): 990.000 rows. Then
times one scorecard (a period and a mid-term as-of view) and the tally over every resolution.

    python3 -m uv run python bench/bench_scorecard.py                    # SQLite, bench/out/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nghiquyet_bench \\
        python3 -m uv run python bench/bench_scorecard.py               # PostgreSQL

The data is generated once per database and reused; ``--units`` scales it down for a quick run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("NGHIQUYET_DATA_DIR", str(HERE / "out"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")

PERIODS = [
    "2021-H1",
    "2021-9M",
    "2021",
    "2022-H1",
    "2022-9M",
    "2022",
    "2023-H1",
    "2023-9M",
    "2023",
    "2024",
    "2025",
]
INDICATORS = 30


def ensure_database() -> None:
    url = os.environ.get("DATABASE_URL")
    if not url:
        (HERE / "out").mkdir(exist_ok=True)
        return
    from pgdb import create_if_missing

    create_if_missing(url)


def generate(units: int) -> None:
    from django.db import transaction

    from nghiquyet.core.periods import parse_period
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target
    from nghiquyet.results.models import Observation

    if Resolution.objects.filter(code__startswith="bench-").count() >= units:
        return
    started = time.perf_counter()
    rng = random.Random(20231010)
    with transaction.atomic():
        province = OrgUnit.objects.create(
            code="bench-tinh", name="Tỉnh thử", kind="province", path="/bench-tinh/"
        )
        communes = OrgUnit.objects.bulk_create(
            OrgUnit(
                code=f"bench-xa-{i:04d}",
                name=f"Xã thử {i}",
                kind="commune",
                parent=province,
                path=f"/bench-tinh/bench-xa-{i:04d}/",
            )
            for i in range(units)
        )
        resolutions = Resolution.objects.bulk_create(
            Resolution(
                code=f"bench-{i:04d}",
                title=f"Nghị quyết Đại hội Đảng bộ xã thử {i}",
                kind="congress_term",
                issuer=unit,
                scope=unit,
                first_year=2020,
                last_year=2025,
            )
            for i, unit in enumerate(communes)
        )
        groups = IndicatorGroup.objects.bulk_create(
            IndicatorGroup(resolution=r, position=p, title=t)
            for r in resolutions
            for p, t in ((1, "Kinh tế"), (2, "Văn hóa - xã hội"), (3, "Xây dựng Đảng"))
        )
        group_of = {(g.resolution_id, g.position): g for g in groups}
        indicators = Indicator.objects.bulk_create(
            Indicator(
                resolution=r,
                group=group_of[(r.pk, 1 + n // 10)],
                code=str(n + 1),
                position=n + 1,
                name=f"Chỉ tiêu {n + 1}",
                unit="%",
                direction="down" if n % 7 == 0 else "up",
                kind="flow" if n % 2 else "level",
            )
            for r in resolutions
            for n in range(INDICATORS)
        )
        targets = []
        for indicator in indicators:
            goal = Decimal(rng.randint(50, 100))
            targets.append(
                Target(
                    indicator=indicator,
                    scope="term",
                    source="congress",
                    comparator="eq",
                    value=goal,
                    raw_text=str(goal),
                    baseline=goal * Decimal("0.6"),
                )
            )
            targets.append(
                Target(
                    indicator=indicator,
                    scope="year",
                    year=2023,
                    source="annual",
                    comparator="eq",
                    value=goal,
                    raw_text=str(goal),
                )
            )
        Target.objects.bulk_create(targets, batch_size=5000)
        scope_of = {r.pk: r.scope_id for r in resolutions}
        ends = {code: parse_period(code).end for code in PERIODS}
        batch: list[Observation] = []
        for indicator in indicators:
            for code in PERIODS:
                value = Decimal(rng.randint(30, 110))
                batch.append(
                    Observation(
                        indicator_id=indicator.pk,
                        org_unit_id=scope_of[indicator.resolution_id],
                        period=code,
                        period_end=ends[code],
                        value=value,
                        raw_text=str(value),
                        source="import",
                        reported_on=ends[code],
                    )
                )
            if len(batch) >= 20000:
                Observation.objects.bulk_create(batch, batch_size=5000)
                batch = []
        Observation.objects.bulk_create(batch, batch_size=5000)
    print(
        f"generated {Observation.objects.count():,} observations for {units:,} units "
        f"in {time.perf_counter() - started:.1f} s"
    )


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    p95 = sorted(times)[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"{label:<48} median {statistics.median(times):8.1f} ms   "
        f"p95 {p95:8.1f} ms   (n={len(times)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=30)
    arguments = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from nghiquyet.plans.models import Resolution
    from nghiquyet.results.models import Observation
    from nghiquyet.scorecards.build import build_scorecard, build_scorecards

    call_command("migrate", interactive=False, verbosity=0)
    generate(arguments.units)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine} · observations: {Observation.objects.count():,}")
    rng = random.Random(1)
    codes = list(
        Resolution.objects.filter(code__startswith="bench-").values_list("code", flat=True)
    )

    def one(period: str, as_of: date | None = None):
        return lambda: build_scorecard(
            Resolution.objects.get(code=rng.choice(codes)), period, as_of
        )

    build_scorecard(Resolution.objects.get(code=codes[0]), "2023-9M")  # warm up
    report("scorecard, one resolution, 2023-9M", timed(one("2023-9M"), arguments.repeat))
    report("scorecard, one resolution, 2023 (year)", timed(one("2023"), arguments.repeat))
    report(
        "scorecard, mid-term 2020-2025 as of 2023-05-17",
        timed(one("2020-2025", date(2023, 5, 17)), arguments.repeat),
    )
    everything = list(Resolution.objects.filter(code__startswith="bench-"))
    tally_times = timed(lambda: [card.tally for card in build_scorecards(everything, "2023")], 1)
    report(f"tally over every resolution ({len(everything):,}), 2023", tally_times)
    connection.close()


if __name__ == "__main__":
    main()
