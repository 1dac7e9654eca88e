"""Benchmark: server time of the web pages (issue 3).

One congress resolution 2020–2025 with 50 indicators in five fields, term and year targets,
a few revisions, assessments, and five years of figures (H1, 9 months and the year, 2021–2025:
750 observations), entered for the district and two communes. Each page is requested through
Django's test client — the whole server side (middleware, session, access checks, queries,
charts, templates), no network — first once cold, then ``--runs`` times; the figures printed
are milliseconds per request.

    python3 -m uv run python bench/bench_pages.py                  # SQLite, bench/out/pages/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nghiquyet_pages \\
        python3 -m uv run python bench/bench_pages.py             # PostgreSQL

Goal (issue 3): p95 under 100 ms for the scorecard and the dashboard on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("NGHIQUYET_DATA_DIR", str(HERE / "out" / "pages"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")

CODE = "bench-pages-2020-2025"
INDICATORS = 50
YEARS = range(2021, 2026)
GOAL_MS = 100.0


def ensure_database() -> None:
    url = os.environ.get("DATABASE_URL")
    if not url:
        Path(os.environ["NGHIQUYET_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        return
    from pgdb import create_if_missing

    create_if_missing(url)


def generate() -> None:
    """The resolution, its people and its figures, through the services (once per database)."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from nghiquyet.accounts.services import grant
    from nghiquyet.orgunits.services import create_org_unit
    from nghiquyet.plans.models import Resolution
    from nghiquyet.plans.services import (
        add_group,
        add_indicator,
        create_resolution,
        revise_target,
        set_target,
    )
    from nghiquyet.results.audit import Actor
    from nghiquyet.results.services import assess, record_observation

    if Resolution.objects.filter(code=CODE).exists():
        return
    started = time.perf_counter()
    rng = random.Random(20230517)
    actor = Actor.system("bench")
    with transaction.atomic():
        province = create_org_unit(code="bp-tinh", name="Tỉnh thử", kind="province", actor=actor)
        district = create_org_unit(
            code="bp-huyen", name="Huyện thử", kind="district", parent=province, actor=actor
        )
        committee = create_org_unit(
            code="bp-huyen-uy",
            name="Huyện ủy thử",
            kind="party_committee",
            parent=district,
            actor=actor,
        )
        communes = [
            create_org_unit(
                code=f"bp-xa-{n}", name=f"Xã thử {n}", kind="commune", parent=district, actor=actor
            )
            for n in (1, 2)
        ]
        office = User.objects.create_user("bench-office")  # signs in by force_login
        grant(office, committee, "office", actor=actor)
        resolution = create_resolution(
            code=CODE,
            title="Nghị quyết Đại hội Đảng bộ huyện thử, nhiệm kỳ 2020 - 2025",
            kind="congress_term",
            issuer=committee,
            scope=district,
            first_year=2020,
            last_year=2025,
            issued_on=date(2020, 8, 20),
            actor=actor,
        )
        groups = [
            add_group(resolution, title, actor=actor)
            for title in (
                "Kinh tế",
                "Văn hóa - xã hội",
                "Môi trường",
                "Quốc phòng - an ninh",
                "Xây dựng Đảng và hệ thống chính trị",
            )
        ]
        for number in range(1, INDICATORS + 1):
            level = number % 3 == 0
            indicator = add_indicator(
                resolution,
                code=str(number),
                name=f"Chỉ tiêu thử số {number}",
                unit="%" if level else "tấn",
                direction="up",
                kind="level" if level else "flow",
                term_basis="" if level else "each_year",
                group=groups[(number - 1) // 10],
                concept=f"bench-{number}",
                actor=actor,
            )
            base = 40 if level else 1000 + 10 * number
            target = set_target(
                indicator,
                raw_text=str(base + (20 if level else 300)),
                scope="term",
                source="congress",
                baseline=base,
                actor=actor,
            )
            if number % 10 == 0:
                revise_target(
                    target,
                    raw_text=str(base + (25 if level else 350)),
                    effective_on=date(2023, 5, 17),
                    decision="Kết luận sơ kết giữa nhiệm kỳ",
                    reason="Điều chỉnh cho phù hợp thực tiễn.",
                    actor=actor,
                )
            for year in YEARS:
                plan = base + (4 if level else 60) * (year - 2020)
                set_target(
                    indicator,
                    raw_text=str(plan),
                    scope="year",
                    year=year,
                    source="annual",
                    actor=actor,
                )
                for period, share in ((f"{year}-H1", 0.5), (f"{year}-9M", 0.75), (str(year), 1)):
                    factor = rng.uniform(0.85, 1.1)
                    value = plan * factor if level else plan * share * factor
                    for unit in (district, *communes):
                        record_observation(
                            indicator=indicator,
                            org_unit=unit,
                            period=period,
                            value=round(value / (1 if unit is district else 3), 1),
                            reported_on=date(year, 12, 31),
                            actor=actor,
                        )
            if number % 7 == 0:
                assess(
                    indicator=indicator,
                    org_unit=district,
                    period="2024",
                    causes_subjective="Chỉ đạo chưa quyết liệt.",
                    remedies="Tăng cường kiểm tra.",
                    actor=actor,
                )
    print(f"generated in {time.perf_counter() - started:.1f} s", flush=True)


def measure(client, path: str, runs: int) -> tuple[float, list[float], list[float]]:
    """Cold time, then wall-clock and CPU milliseconds of ``runs`` requests.

    The request runs in this process (SQLite too), so its CPU time is what it would take on
    an idle core; the wall clock also counts waiting for a busy machine.
    """
    started = time.perf_counter()
    response = client.get(path)
    cold = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return cold, wall, cpu


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from nghiquyet.web import cache

    call_command("migrate", interactive=False, verbosity=0)
    generate()
    from nghiquyet.plans.models import Indicator

    client = Client()
    client.force_login(User.objects.get(username="bench-office"))
    indicator = Indicator.objects.get(resolution__code=CODE, code="10")
    pages = [
        ("dashboard", "/", True),
        ("scorecard, term", f"/resolutions/{CODE}/", True),
        ("scorecard, year 2024", f"/resolutions/{CODE}/?period=2024", True),
        ("scorecard, 9 months 2024", f"/resolutions/{CODE}/?period=2024-9M", True),
        (
            "scorecard, mid-term as of",
            f"/resolutions/{CODE}/?period=2020-2025&as_of=2023-06-30",
            True,
        ),
        ("scorecard JSON", f"/resolutions/{CODE}/?period=2024&format=json", True),
        ("scorecard CSV", f"/resolutions/{CODE}/?period=2024&format=csv", True),
        ("indicator page", f"/resolutions/{CODE}/indicators/{indicator.code}/", False),
        ("data-entry grid", f"/resolutions/{CODE}/entry/?unit=bp-huyen&period=2025", False),
    ]
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"engine: {engine}; {INDICATORS} indicators, {len(YEARS)} years; {args.runs} runs a page")
    print(f"load average before: {load} on {os.cpu_count()} CPUs")
    failed = []
    for title, seconds in (
        ("scorecard cache off: every view builds the scorecard (as after a change)", 0),
        ("scorecard cache on: repeated views while nothing changes", 300),
    ):
        print(f"\n{title}")
        print(
            f"{'page':28} {'queries':>7} {'cold':>7} {'p50':>7} {'p95':>7} {'cpu p50':>8} "
            f"{'cpu p95':>8}  (ms)"
        )
        with override_settings(NGHIQUYET_SCORECARD_CACHE_SECONDS=seconds):
            for name, path, goal in pages:
                cache.clear()
                cold, wall, cpu = measure(client, path, args.runs)
                with CaptureQueriesContext(connection) as queries:
                    client.get(path)
                row = (
                    f"{name:28} {len(queries):>7} {cold:7.1f} {statistics.median(wall):7.1f} "
                    f"{p95(wall):7.1f} {statistics.median(cpu):8.1f} {p95(cpu):8.1f}"
                )
                print(row + ("  goal: p95 < 100" if goal else ""), flush=True)
                if goal and min(p95(wall), p95(cpu)) >= GOAL_MS:
                    failed.append(f"{name} (cache {'on' if seconds else 'off'})")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\nload average after: {load}")
    print("goal met" if not failed else f"goal missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
