"""Set-up forms: resolutions, field headings, indicators, targets and target revisions.

Forms read types (dates, Vietnamese numbers, choices); the services in
:mod:`nghiquyet.plans.services` decide what is allowed and name the field when it is not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.core.numbers import NumberFormatError, parse_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target

from .. import labels

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way ("4.500", "41,3"); "4,500" is refused as ambiguous."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except NumberFormatError as exc:
            raise forms.ValidationError(f"'{text}': {exc.reason}", code=exc.code) from exc


def _year_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1945, max_value=2100)


class ResolutionForm(forms.Form):
    title = forms.CharField(label=_("Tên nghị quyết"), max_length=500)
    number = forms.CharField(
        label=_("Số hiệu"), max_length=64, required=False, help_text=_("Ví dụ: 12-NQ/HU")
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=Resolution.Kind.choices)
    issued_on = forms.DateField(
        label=_("Ngày ban hành"), required=False, widget=DATE_WIDGET, input_formats=DATE_FORMATS
    )
    nearly_met_threshold = VietnameseNumberField(
        label=_("Ngưỡng “cơ bản đạt” (%)"),
        required=False,
        help_text=_("Tỷ lệ so kế hoạch từ mức này trở lên được coi là cơ bản đạt (mặc định 95)."),
    )
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NewResolutionForm(ResolutionForm):
    code = forms.SlugField(
        label=_("Mã"),
        max_length=64,
        help_text=_("Chữ không dấu, số và gạch ngang, dùng trong địa chỉ trang: pac-nam-2024."),
    )
    issuer = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=OrgUnit.objects.none())
    scope = forms.ModelChoiceField(
        label=_("Phạm vi (địa bàn)"),
        queryset=OrgUnit.objects.none(),
        help_text=_("Đơn vị có số liệu được theo dõi: huyện, xã…"),
    )
    first_year = _year_field(_("Năm đầu"))
    last_year = _year_field(_("Năm cuối"))
    parent = forms.ModelChoiceField(
        label=_("Nghị quyết cấp trên / nhiệm kỳ"),
        queryset=Resolution.objects.none(),
        required=False,
    )

    field_order = [  # noqa: RUF012 - Django reads it from the class
        "code",
        "title",
        "number",
        "kind",
        "issuer",
        "scope",
        "first_year",
        "last_year",
        "issued_on",
        "parent",
        "nearly_met_threshold",
        "notes",
    ]

    def __init__(self, *args: Any, issuers: Any, scopes: Any, parents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers  # type: ignore[attr-defined]
        self.fields["scope"].queryset = scopes  # type: ignore[attr-defined]
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]


class GroupForm(forms.Form):
    title = forms.CharField(label=_("Tên lĩnh vực"), max_length=200)


def _choices(mapping: dict[Any, Any], blank: Any = None) -> list[tuple[str, str]]:
    items = [(str(key.value), str(text)) for key, text in mapping.items()]
    return [("", str(blank)), *items] if blank is not None else items


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Số thứ tự / mã"), max_length=20, help_text=_("1, 2, 2.1 …"))
    name = forms.CharField(label=_("Tên chỉ tiêu"), max_length=500)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=64, required=False)
    group = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=IndicatorGroup.objects.none(), required=False
    )
    parent = forms.ModelChoiceField(
        label=_("Chỉ tiêu cha"), queryset=Indicator.objects.none(), required=False
    )
    direction = forms.ChoiceField(label=_("Chiều đánh giá"), choices=())
    kind = forms.ChoiceField(label=_("Loại chỉ tiêu"), choices=())
    term_basis = forms.ChoiceField(
        label=_("Cách tính cả nhiệm kỳ (chỉ tiêu lượng)"), choices=(), required=False
    )
    change_method = forms.ChoiceField(
        label=_("Cách tính tốc độ thay đổi"), choices=(), required=False
    )
    concept = forms.SlugField(
        label=_("Mã dùng chung để so sánh"),
        max_length=100,
        required=False,
        help_text=_(
            "Cùng mã ở các nghị quyết khác nhau thì so sánh được: trong-rung, ty-le-ho-ngheo."
        ),
    )
    responsible_agency = forms.CharField(label=_("Cơ quan chủ trì"), max_length=200, required=False)
    data_source = forms.CharField(label=_("Nguồn số liệu"), max_length=200, required=False)
    value_min = VietnameseNumberField(label=_("Giá trị tối thiểu hợp lệ"), required=False)
    value_max = VietnameseNumberField(label=_("Giá trị tối đa hợp lệ"), required=False)
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, resolution: Resolution, exclude: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = resolution.groups.all()  # type: ignore[attr-defined]
        parents = resolution.indicators.filter(parent__isnull=True)
        if exclude is not None:
            parents = parents.exclude(pk=exclude)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["direction"].choices = _choices(labels.DIRECTIONS)  # type: ignore[attr-defined]
        self.fields["kind"].choices = _choices(labels.KINDS)  # type: ignore[attr-defined]
        self.fields["term_basis"].choices = _choices(labels.TERM_BASES, "—")  # type: ignore[attr-defined]
        self.fields["change_method"].choices = _choices(labels.CHANGE_METHODS, "—")  # type: ignore[attr-defined]


INDICATOR_FIELDS = tuple(IndicatorForm.base_fields)


def indicator_initial(indicator: Indicator) -> dict[str, Any]:
    initial = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    initial["group"], initial["parent"] = indicator.group_id, indicator.parent_id
    return initial


class TargetForm(forms.Form):
    scope = forms.ChoiceField(label=_("Phạm vi"), choices=Target.Scope.choices)
    year = forms.IntegerField(
        label=_("Năm (nếu là kế hoạch năm)"), required=False, min_value=1945, max_value=2100
    )
    source = forms.ChoiceField(label=_("Nguồn mục tiêu"), choices=Target.Source.choices)
    raw_text = forms.CharField(
        label=_("Mục tiêu"),
        max_length=200,
        help_text=_(
            "Ghi như trong nghị quyết: 600, trên 90, dưới 4, khoảng 4, 6,6–6,8, "
            "từ 90 trở lên, giảm bình quân 1,5 điểm %/năm."
        ),
    )
    baseline = VietnameseNumberField(
        label=_("Giá trị gốc (đầu nhiệm kỳ)"),
        required=False,
        help_text=_("Để tính lộ trình và tiến độ đến cuối nhiệm kỳ."),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    raw_text = forms.CharField(label=_("Mục tiêu mới"), max_length=200)
    effective_on = forms.DateField(
        label=_("Có hiệu lực từ ngày"), widget=DATE_WIDGET, input_formats=DATE_FORMATS
    )
    # Not required here: the service says what is missing, in its own words.
    decision = forms.CharField(
        label=_("Văn bản điều chỉnh"),
        max_length=300,
        required=False,
        help_text=_("Số, ngày của nghị quyết, kết luận hoặc quyết định điều chỉnh."),
    )
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
