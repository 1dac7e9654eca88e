"""What an issuing body puts on its reports: header lines, number suffix, signer, recipients.

One row per issuing unit (Huyện ủy Pác Nặm, UBND huyện Pác Nặm). Every field may stay blank:
the report then falls back to what the org unit and the profile say (DESIGN.md §7) and marks
what it cannot know as a place for people to fill.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.orgunits.models import OrgUnit


class IssuerSettings(models.Model):
    class Profile(models.TextChoices):
        PARTY = "party", _("Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)")
        STATE = "state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")

    org_unit = models.OneToOneField(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="report_settings",
        verbose_name=_("cơ quan ban hành"),
    )
    # Blank: chosen from the unit's kind (party committee → party, otherwise state).
    profile = models.CharField(_("thể thức"), max_length=8, choices=Profile.choices, blank=True)
    # "ĐẢNG BỘ TỈNH BẮC KẠN" (party) or the governing body "UBND TỈNH BẮC KẠN" (state).
    superior_body = models.CharField(_("cơ quan cấp trên"), max_length=200, blank=True)
    # "HUYỆN ỦY PÁC NẶM"; several lines allowed ("ỦY BAN NHÂN DÂN\nHUYỆN PÁC NẶM").
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=200, blank=True)
    # "BC/HU" → "Số    -BC/HU"; "BC-UBND" → "Số:      /BC-UBND".
    number_suffix = models.CharField(_("ký hiệu văn bản"), max_length=32, blank=True)
    place_name = models.CharField(_("địa danh"), max_length=100, blank=True)
    signer_authority = models.CharField(_("quyền hạn ký"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    # Blank is normal: the office writes the name when the report is signed.
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"), blank=True)
    # Where the values come from (e.g. the article that names the secretary).
    notes = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thiết lập báo cáo của cơ quan")
        verbose_name_plural = _("thiết lập báo cáo của cơ quan")

    def __str__(self) -> str:
        return f"{self.org_unit}: {self.profile or 'auto'}"

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]
