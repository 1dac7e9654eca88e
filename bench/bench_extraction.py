"""How many articles per second ``extract_document`` reads, on one core.

    uv run python bench/bench_extraction.py [--articles 2000] [--seed 7]

The corpus is made of report sentences put together into articles of about 5 KB: as in the
seed articles, about one sentence in four states figures (measures, tallies, revisions) and
the rest is prose with dates, ordinals, terms and document numbers that must be skipped. The
seeds themselves are added when shared/seeds is beside the repository. Prints one line with
the figure; the goal (issue 6) is more than 200 articles per second. ``--dense`` uses only
sentences with figures (about 45 facts an article), a worst case.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from nghiquyet.core.extraction import extract_document

FIGURES = [
    "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch.",
    "Giá trị sản xuất công nghiệp 9 tháng đạt 362,14 tỷ đồng, bằng 95,27% so với cùng kỳ năm 2022.",
    "Đến nay đã có 27/49 chỉ tiêu, nhiệm vụ đạt và vượt so với Nghị quyết Đại hội đề ra.",
    "Thu ngân sách nhà nước trên địa bàn ước đạt 4.250 tỷ đồng, bằng 78,5% dự toán, tăng 12,3%.",
    "Tỷ lệ hộ nghèo giảm còn 4,2%, giảm 1,8% so với đầu năm.",
    "Các đại biểu nhất trí điều chỉnh chỉ tiêu độ che phủ rừng (từ 37 lên 41,3%).",
    "Kết nạp đảng viên mới đạt 48/90 chỉ tiêu, bằng 53% kế hoạch.",
    "Tổng vốn đầu tư toàn xã hội đạt 4,6 nghìn tỷ đồng; sản lượng lương thực đạt 61,8 vạn tấn.",
    "Thời gian qua, cấp ủy, UBKT đã kiểm tra, giám sát được 85 tổ chức đảng và 118 đảng viên.",
    "Toàn tỉnh có 98/121 xã đạt chuẩn nông thôn mới, đạt 81%.",
    "Chỉ số sản xuất công nghiệp (IIP) tăng 8,2% so với cùng kỳ.",
]
PROSE = [
    "Sáng 7.10, Ban Chấp hành Đảng bộ huyện tổ chức Hội nghị lần thứ 15 (mở rộng).",
    "Ngày 17/5, Huyện ủy ban hành Nghị quyết số 12-NQ/HU, nhiệm kỳ 2020-2025.",
    "Triển khai nhiệm vụ trọng tâm 03 tháng cuối năm 2023; dịch Covid-19 được kiểm soát.",
    "Dự và chỉ đạo hội nghị có đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh.",
    "Kinh tế có nhiều chuyển biến tích cực, cơ cấu kinh tế tiếp tục chuyển dịch đúng hướng.",
    "Công tác chỉ đạo, tổ chức thực hiện nhiệm vụ của một số cơ quan còn thiếu quyết liệt.",
    "Quan tâm hơn nữa công tác cán bộ, công tác xây dựng, chỉnh đốn Đảng, nêu gương cán bộ.",
    "Việc thu hút người dân tham gia các chương trình, dự án trên địa bàn còn hạn chế.",
    "Các đại biểu tập trung thảo luận, đóng góp ý kiến vào dự thảo báo cáo sơ kết giữa nhiệm kỳ.",
    "Đồng chí đề nghị huyện tiếp tục phát huy tinh thần đoàn kết, khắc phục khó khăn, vướng mắc.",
    "Tăng cường công tác kiểm tra, bảo vệ rừng; tích cực vận động Nhân dân giảm nghèo bền vững.",
    "Tiến độ giải ngân vốn đầu tư công, vốn các chương trình MTQG còn chậm và đạt thấp.",
]


def corpus(count: int, seed: int, dense: bool = False) -> list[str]:
    rng = random.Random(seed)
    share = 1.0 if dense else 0.25
    articles = []
    for _ in range(count):
        paragraphs: list[str] = []
        while sum(len(p) for p in paragraphs) < 5000:
            size = rng.randint(2, 6)
            pick = [rng.choice(FIGURES if rng.random() < share else PROSE) for _ in range(size)]
            paragraphs.append(" ".join(pick))
        articles.append("\n\n".join(paragraphs))
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():
        articles += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dense", action="store_true", help="only sentences with figures")
    args = parser.parse_args()
    articles = corpus(args.articles, args.seed, args.dense)
    for article in articles[:20]:  # warm the regex caches
        extract_document(article)
    facts = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        facts += len(extract_document(article).facts)
    # CPU time of this process: the work of one core, whatever else the machine is doing.
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - started
    size = sum(len(a) for a in articles) / len(articles) / 1000
    print(
        f"extraction: {len(articles)} articles (~{size:.1f} k characters each, {facts} facts) "
        f"in {cpu:.2f} s of CPU ({wall:.2f} s wall) → {len(articles) / cpu:.0f} articles/s "
        "on one core"
    )


if __name__ == "__main__":
    main()
