"""The assessment of an indicator for a period: override with reason, causes, remedies."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.core.evaluation import Status

from .. import labels


def status_choices() -> list[tuple[str, str]]:
    keep = str(_("Theo kết quả tính (không điều chỉnh)"))
    return [("", keep)] + [(status.value, labels.status_text(status)) for status in Status]


class AssessmentForm(forms.Form):
    period = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status_override = forms.ChoiceField(label=_("Đánh giá"), required=False, choices=())
    override_reason = forms.CharField(
        label=_("Lý do đánh giá khác với kết quả tính"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi chọn đánh giá khác với kết quả tính."),
    )
    causes_subjective = forms.CharField(
        label=_("Nguyên nhân chủ quan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    causes_objective = forms.CharField(
        label=_("Nguyên nhân khách quan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    remedies = forms.CharField(
        label=_("Giải pháp, nhiệm vụ thời gian tới"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    responsible_agency = forms.CharField(
        label=_("Cơ quan chủ trì thực hiện"), required=False, max_length=200
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status_override"].choices = status_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("status_override") and not (cleaned.get("override_reason") or "").strip():
            self.add_error(
                "override_reason", _("Cần ghi lý do khi đánh giá khác với kết quả tính.")
            )
        return cleaned


class DeleteObservationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(label=_("Lý do xóa"), max_length=500)
