"""Org units: a tree of any depth, with validity dates and successor links (DESIGN.md §3).

Before July 2025 the tree was tỉnh → huyện → xã; after the reform it is tỉnh → xã, and several
old units live on in one new unit. Old units are never deleted: they get ``valid_to`` and a
link to their successors, so 2020–2025 data keeps its owner.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Huyện, quận, thị xã")
        COMMUNE = "commune", _("Xã, phường, thị trấn")
        PARTY_COMMITTEE = "party_committee", _("Cấp ủy Đảng")
        PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
        PEOPLES_COUNCIL = "peoples_council", _("Hội đồng nhân dân")
        DEPARTMENT = "department", _("Sở, ban, ngành, phòng")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    # Materialised path "/bac-kan/pac-nam/": "this unit and everything below" is one
    # indexed prefix query at any depth.
    path = models.CharField(max_length=1000, db_index=True, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self", symmetrical=False, related_name="predecessors", blank=True
    )
    # Used by reports: "Pác Nặm, ngày 17 tháng 5 năm 2023".
    place_name = models.CharField(_("địa danh"), max_length=100, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def contains(self, other: OrgUnit) -> bool:
        """Whether ``other`` is this unit or lies below it."""
        return other.path.startswith(self.path)
