"""The drafted body: facts from the scorecard, and marked places where people write.

I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU
   1. Tình hình chung — the tally sentence, the charts
   2. Kết quả trên từng lĩnh vực — one line per indicator with figures
   3. Các chỉ tiêu chưa đạt, khó đạt — causes and remedies from the assessments
II. ĐÁNH GIÁ CHUNG — strengths, limits, causes: people write them
III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI — remedies recorded, then a place to write
IV. ĐỀ XUẤT, KIẾN NGHỊ — a place to write
"""

from __future__ import annotations

import io

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from nghiquyet import charts

from ..content import ReportContent, ReportKind, write_here
from ..letterhead import Letterhead
from ..profiles import Profile
from . import ooxml
from .layout import BODY, GAP

CHART_WIDTH_MM = 140


class BodyWriter:
    def __init__(self, document: Document, profile: Profile, *, with_charts: bool = True) -> None:
        self.document = document
        self.profile = profile
        self.with_charts = with_charts
        self.figure_count = 0
        # Looking a style up by name scans every style; do it once.
        self.style_ids = {
            name: document.styles[name].style_id
            for name in (BODY, GAP, "Heading 1", "Heading 2", "Heading 3")
        }

    def paragraph(self, style: str) -> Paragraph:
        paragraph = self.document.add_paragraph()
        paragraph._p.style = self.style_ids[style]
        return paragraph

    # --- paragraphs ---------------------------------------------------------------------

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph = self.paragraph(f"Heading {level}")
        ooxml.run(paragraph, text, font=self.profile.font, size=self.profile.body_size)
        return paragraph

    def text(self, text: str, *, label: str = "", lead: str = "") -> Paragraph:
        """A body paragraph; ``label`` is printed in italics before the text ("Nguyên nhân: "),
        ``lead`` in bold (an indicator's name)."""
        paragraph = self.paragraph(BODY)
        if lead:
            ooxml.run(
                paragraph, lead, font=self.profile.font, size=self.profile.body_size, bold=True
            )
        if label:
            ooxml.run(
                paragraph, label, font=self.profile.font, size=self.profile.body_size, italic=True
            )
        ooxml.run(paragraph, text, font=self.profile.font, size=self.profile.body_size)
        return paragraph

    def gap(self, label: str) -> Paragraph:
        """ "[Nguyên nhân chủ quan: …]", highlighted so nobody sends it out unfilled."""
        paragraph = self.paragraph(GAP)
        ooxml.run(
            paragraph,
            write_here(label),
            font=self.profile.font,
            size=self.profile.body_size,
            italic=True,
            highlight=True,
        )
        return paragraph

    def recorded_or_gap(self, label: str, recorded: str) -> None:
        if recorded:
            self.text(recorded, label=f"{label}: ")
        else:
            self.gap(label)

    def chart(self, png: bytes, caption: str) -> None:
        self.figure_count += 1
        picture = self.document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(png), width=Mm(CHART_WIDTH_MM))
        label = self.document.add_paragraph()
        label.alignment = WD_ALIGN_PARAGRAPH.CENTER
        label.paragraph_format.space_after = Pt(6)
        ooxml.run(
            label,
            f"Biểu đồ {self.figure_count}. {caption}",
            font=self.profile.font,
            size=12,
            italic=True,
        )

    # --- sections -----------------------------------------------------------------------

    def write(self, content: ReportContent, letterhead: Letterhead) -> None:
        self.text(
            f"{letterhead.issuer_display} báo cáo {content.summary} "
            f"(số liệu tính đến ngày {content.as_of:%d/%m/%Y}) như sau:"
        )
        self.heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", 1)
        self.heading("1. Tình hình chung", 2)
        if not content.has_data:
            self.text(content.no_data_sentence)
        else:
            self.text(content.tally.sentence)
            if content.progress_note:
                self.text(content.progress_note)
            if self.with_charts:
                self._charts(content)
        self.gap("Đánh giá khái quát tình hình thực hiện")
        self._fields(content)
        self._lagging(content)
        self._assessment(content)
        self._tasks(content)
        self.heading("IV. ĐỀ XUẤT, KIẾN NGHỊ", 1)
        self.gap("Đề xuất, kiến nghị với cấp trên")

    def _charts(self, content: ReportContent) -> None:
        figure = charts.status_summary(content.by_status, final=content.final)
        self.chart(charts.to_png(figure), "Số chỉ tiêu theo kết quả đánh giá")
        lagging = [
            charts.Lagging(item.name, float(item.ratio_pct))
            for item in content.lagging
            if item.ratio_pct is not None
        ]
        if lagging:
            figure = charts.lagging_chart(lagging)
            self.chart(charts.to_png(figure), "Các chỉ tiêu chưa đạt so với kế hoạch, mục tiêu")

    def _fields(self, content: ReportContent) -> None:
        self.heading("2. Kết quả trên từng lĩnh vực", 2)
        for number, field in enumerate(content.fields, start=1):
            self.heading(f"2.{number}. {field.title}", 3)
            for result in field.results:
                self.text(f"- {result.text}")
            if field.without_data_text:
                self.text(f"- {field.without_data_text}")
            if field.results:
                self.gap(f"Nhận xét về lĩnh vực {field.title}")

    def _lagging(self, content: ReportContent) -> None:
        self.heading("3. Các chỉ tiêu chưa đạt, khó đạt", 2)
        if not content.lagging:
            self.text(
                "Trong các chỉ tiêu đã có số liệu, không có chỉ tiêu chưa đạt hoặc khó đạt."
                if content.has_data
                else "Chưa có số liệu để xác định chỉ tiêu chưa đạt, khó đạt."
            )
            return
        for item in content.lagging:
            progress = (
                f"; khả năng hoàn thành: {item.progress_label}" if item.progress_label else ""
            )
            self.text(f": {item.figures}; đánh giá: {item.status_label}{progress}.", lead=item.name)
            self.recorded_or_gap("Nguyên nhân chủ quan", item.causes_subjective)
            self.recorded_or_gap("Nguyên nhân khách quan", item.causes_objective)
            self.recorded_or_gap("Giải pháp", item.remedies)
            if item.agency:
                self.text(item.agency, label="Cơ quan chủ trì: ")

    def _assessment(self, content: ReportContent) -> None:
        self.heading("II. ĐÁNH GIÁ CHUNG", 1)
        self.heading("1. Ưu điểm", 2)
        self.gap("Ưu điểm, kết quả nổi bật")
        self.heading("2. Hạn chế, yếu kém", 2)
        if content.lagging:
            names = "; ".join(item.name for item in content.lagging)
            self.text(f"Còn {len(content.lagging)} chỉ tiêu chưa đạt, khó đạt: {names}.")
        self.gap("Hạn chế, yếu kém")
        self.heading("3. Nguyên nhân", 2)
        self.gap("Nguyên nhân chủ quan")
        self.gap("Nguyên nhân khách quan")
        if content.kind in (ReportKind.MIDTERM, ReportKind.FINAL):
            self.heading("4. Bài học kinh nghiệm", 2)
            self.gap("Bài học kinh nghiệm")

    def _tasks(self, content: ReportContent) -> None:
        self.heading("III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", 1)
        if content.remedies:
            self.text("Các giải pháp đã nêu trong đánh giá từng chỉ tiêu:")
            for remedy in content.remedies:
                codes = ", ".join(remedy.codes)
                self.text(f"- {remedy.text} (chỉ tiêu số {codes})")
        self.gap("Nhiệm vụ, giải pháp trọng tâm")


def write_body(
    document: Document, content: ReportContent, letterhead: Letterhead, profile: Profile
) -> None:
    BodyWriter(document, profile).write(content, letterhead)
