"""The forms of the import/export page. Choices are limited to what the person may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.core.numbers import Convention

NUMBER_CHOICES = (
    (Convention.TYPED.value, _("Như người gõ: '4.500' = 4500, '41,3' = 41,3; hỏi lại '4,500'")),
    (Convention.VIETNAMESE.value, _("Kiểu Việt Nam: dấu phẩy luôn là dấu thập phân")),
    (Convention.ENGLISH.value, _("Kiểu Anh-Mỹ: '4,500' = 4500, '4.5' = 4,5")),
)
FORMAT_CHOICES = (("csv", "CSV"), ("xlsx", "Excel (.xlsx)"), ("json", "JSON"))


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp số liệu"),
        help_text=_(
            "Biểu mẫu .xlsx đã điền, hoặc tệp .csv/.json với các cột resolution, indicator, "
            "org_unit, period, value, estimate, note."
        ),
    )
    numbers = forms.ChoiceField(
        label=_("Cách ghi số trong tệp"), choices=NUMBER_CHOICES, initial=Convention.TYPED.value
    )


class DefinitionsForm(forms.Form):
    resolution = forms.ChoiceField(label=_("Nghị quyết"))
    file = forms.FileField(
        label=_("Tệp danh sách chỉ tiêu"),
        help_text=_(
            "Tệp .xlsx hoặc .csv với các cột STT, Chỉ tiêu, ĐVT, Mục tiêu; có thể thêm Chiều, "
            "Loại, Lĩnh vực, Cơ quan chủ trì, Ghi chú."
        ),
    )
    numbers = forms.ChoiceField(
        label=_("Cách ghi số trong tệp"), choices=NUMBER_CHOICES, initial=Convention.TYPED.value
    )

    def __init__(self, *args: Any, resolutions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resolution"].choices = resolutions  # type: ignore[attr-defined]


class TemplateForm(forms.Form):
    resolution = forms.ChoiceField(label=_("Nghị quyết"))
    period = forms.CharField(
        label=_("Kỳ"), max_length=20, help_text=_("Ví dụ: 2023, 2023-H1, 2023-9M, 2023-Q3")
    )
    unit = forms.CharField(
        label=_("Mã đơn vị"),
        max_length=64,
        required=False,
        help_text=_("Để trống: đơn vị phạm vi của nghị quyết."),
    )

    def __init__(self, *args: Any, resolutions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resolution"].choices = resolutions  # type: ignore[attr-defined]


class ExportForm(forms.Form):
    resolution = forms.ChoiceField(label=_("Nghị quyết"))
    format = forms.ChoiceField(label=_("Định dạng"), choices=FORMAT_CHOICES, initial="xlsx")
    period = forms.CharField(label=_("Kỳ"), max_length=20, required=False)
    start = forms.CharField(label=_("Từ kỳ"), max_length=20, required=False)
    end = forms.CharField(label=_("Đến kỳ"), max_length=20, required=False)
    unit = forms.CharField(
        label=_("Mã đơn vị"),
        max_length=64,
        required=False,
        help_text=_("Để trống: mọi đơn vị. Có ghi: đơn vị đó và các đơn vị trực thuộc."),
    )

    def __init__(self, *args: Any, resolutions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resolution"].choices = resolutions  # type: ignore[attr-defined]
