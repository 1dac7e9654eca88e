"""``nghiquyet template``: the data-entry workbook of a resolution for one unit and period."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.intake.xlsx.template import write_template
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.scorecards.build import ScorecardError
from nghiquyet.scorecards.management.commands._common import get_resolution


class Command(BaseCommand):
    help = (
        "Tạo biểu mẫu Excel để nhập số liệu của một nghị quyết cho một đơn vị và kỳ. "
        "Write the data-entry template."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resolution", required=True, help="Mã nghị quyết, ví dụ cho-don-2023")
        parser.add_argument(
            "--period", required=True, help="Kỳ: 2023, 2023-H1, 2023-9M, 2023-Q3, 2023-M09"
        )
        parser.add_argument(
            "--unit", help="Mã đơn vị báo cáo (mặc định: đơn vị phạm vi của nghị quyết)"
        )
        parser.add_argument("-o", "--output", required=True, help="Tệp .xlsx sẽ ghi")

    def handle(self, *args: Any, **options: Any) -> None:
        resolution = get_resolution(options["resolution"])
        try:
            period = parse_period(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if not (resolution.covers(period) or period == resolution.term):
            raise CommandError(
                f"Kỳ {period.label} nằm ngoài thời hạn của nghị quyết '{resolution.code}' "
                f"({resolution.term.label}).",
                returncode=2,
            )
        unit = get_unit(options["unit"]) if options["unit"] else resolution.scope
        if not unit.path.startswith(resolution.scope.path):
            raise CommandError(
                f"Đơn vị '{unit.name}' không thuộc phạm vi của nghị quyết '{resolution.code}' "
                f"({resolution.scope.name}).",
                returncode=2,
            )
        output = Path(options["output"])
        if output.suffix.lower() != ".xlsx":
            raise CommandError("Tệp ghi ra cần có đuôi .xlsx.", returncode=2)
        try:
            count = write_template(resolution, period, unit, output)
        except ScorecardError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(
            f"Đã ghi {output}: {count} chỉ tiêu của {resolution.code}, đơn vị {unit.code}, "
            f"kỳ {period.label}."
        )


def get_unit(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise CommandError(f"Không có đơn vị mã '{code}'.", returncode=2)
    return unit
