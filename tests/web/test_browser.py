"""The app in a real browser: Playwright driving Debian's chromium against a live server.

They run with the rest (``uv run pytest``) and skip, saying why, only where /usr/bin/chromium
is missing (``.ci/run`` installs it). Every page is also checked for console errors, which is
where a Content-Security-Policy violation would show.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OFFICE_SCREEN = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # between browser steps are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield launched
        launched.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(transactional_db, live_server):
    from nghiquyet.demo.loader import load_demo

    load_demo()
    return live_server.url


class Session:
    """One person's browser tab, with the console errors it collected."""

    def __init__(self, browser, base: str, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport, locale="vi-VN")
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _console(self, message) -> None:
        # A refused page (400, 403, 404) is logged too; pages are checked by status instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _response(self, response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def go(self, path: str):
        return self.page.goto(self.base + path)

    def sign_in(self, username: str, password: str = "demo") -> None:  # noqa: S107 - demo
        self.go("/login/")
        self.page.get_by_label("Tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(password)
        self.page.get_by_role("button", name="Đăng nhập").click()
        self.page.wait_for_url(self.base + "/")

    def value_box(self, indicator: str):
        """The grid's value input of an indicator (named by the indicator, like its row)."""
        return self.page.get_by_role("textbox", name=re.compile("^" + re.escape(indicator)))

    def row(self, name: str):
        return self.page.locator("tr", has=self.page.get_by_role("link", name=name))

    def fits_the_screen(self) -> bool:
        width = self.page.evaluate("document.documentElement.scrollWidth")
        return width <= self.page.viewport_size["width"]


@pytest.fixture
def tab(browser, site) -> Iterator[object]:
    opened: list[Session] = []

    def open_tab(viewport: dict[str, int] = OFFICE_SCREEN) -> Session:
        session = Session(browser, site, viewport)
        opened.append(session)
        return session

    yield open_tab
    for session in opened:
        session.context.close()
        assert not session.errors, session.errors


def test_a_reporter_enters_a_value_and_sees_the_status_change(tab):
    from playwright.sync_api import expect

    me = tab()
    me.sign_in("baocao")
    me.page.get_by_role(
        "link", name="Nghị quyết của Ban Chấp hành Đảng bộ huyện Pác Nặm về nhiệm vụ năm 2023"
    ).click()
    assert "Chưa đạt" in me.row("Kết nạp đảng viên mới").inner_text()

    me.page.get_by_role("link", name="Nhập số liệu").first.click()
    me.page.get_by_role("button", name="Mở bảng nhập").click()
    value = me.value_box("Kết nạp đảng viên mới")
    value.fill("ước 95")
    # Our script asks the server how it reads the value, while typing.
    preview = me.page.locator("tr", has=value).locator("output")
    preview.get_by_text("95 đảng viên (ƯTH)").wait_for()
    me.page.get_by_role("button", name="Xem trước").click()
    # The row is on the page before and after the preview loads: expect() waits for the new one.
    expect(me.page.locator("tr", has=value)).to_contain_text("105,6 % · Vượt")
    me.page.get_by_role("button", name="Lưu tất cả").click()
    me.page.get_by_text("Đã lưu 1 giá trị cho Huyện Pác Nặm, 9 tháng năm 2023.").wait_for()

    me.page.get_by_role("link", name="Xem bảng chỉ tiêu").click()
    row = me.row("Kết nạp đảng viên mới").inner_text()
    assert "Vượt" in row and "95 (ƯTH)" in row


def test_a_bad_value_is_named_on_its_row_and_nothing_is_saved(tab):
    from nghiquyet.results.models import Observation

    me = tab()
    me.sign_in("baocao")
    me.go("/resolutions/pac-nam-2023/entry/?unit=pac-nam&period=2023")
    me.value_box("Diện tích cây trồng có lợi thế").fill("112")
    me.value_box("Kết nạp đảng viên mới").fill("4,500")
    me.page.get_by_role("button", name="Lưu tất cả").click()
    problems = me.page.get_by_role("alert")
    assert "Chưa lưu gì: có 1 dòng cần xem lại" in problems.inner_text()
    assert me.page.evaluate("document.activeElement.id") == "entry-problems"
    assert "không rõ là 4,5 hay 4.500" in me.page.locator("tr.row-invalid").inner_text()
    assert me.value_box("Diện tích cây trồng có lợi thế").input_value() == ("112")
    assert not Observation.objects.filter(period="2023").exists()


def test_an_office_revises_a_target_and_sees_its_history(tab):
    me = tab()
    me.sign_in("vanphong")
    me.go("/resolutions/pac-nam-2023/indicators/5/")
    me.page.get_by_role("link", name="Điều chỉnh mục tiêu này").click()
    me.page.get_by_label("Mục tiêu mới").fill("100")
    me.page.get_by_label("Có hiệu lực từ ngày").fill("2023-07-15")
    me.page.get_by_label("Văn bản điều chỉnh").fill("Nghị quyết số 40-NQ/HU ngày 15/7/2023")
    me.page.get_by_label("Lý do điều chỉnh").fill("Kết nạp vượt tiến độ 6 tháng.")
    me.page.get_by_role("button", name="Điều chỉnh").click()
    me.page.get_by_text("Đã điều chỉnh mục tiêu; giá trị cũ vẫn giữ trong lịch sử.").wait_for()
    history = me.page.get_by_role("table", name="Lịch sử điều chỉnh").inner_text()
    assert "15/07/2023" in history and "90" in history and "100" in history
    assert "Nghị quyết số 40-NQ/HU" in history and "vanphong" in history


def test_another_units_pages_are_refused(tab):
    me = tab()
    me.sign_in("baocao")
    response = me.go("/resolutions/cho-don-2023/")
    assert response.status == 404
    assert "không có quyền xem" in me.page.get_by_role("alert").inner_text()
    response = me.go("/setup/")
    assert response.status == 403 and "Không có quyền" in me.page.content()


def test_pages_fit_an_office_screen_and_a_phone(tab):
    for viewport in (OFFICE_SCREEN, PHONE):
        me = tab(viewport)
        me.sign_in("admin")
        for path in (
            "/",
            "/resolutions/cho-don-2023/?period=2023-9M",
            "/resolutions/pac-nam-2023/indicators/1/",
            "/resolutions/pac-nam-2023/entry/?unit=pac-nam&period=2023-9M",
            "/compare/?period=2023-9M",
        ):
            me.go(path)
            assert me.fits_the_screen(), (viewport, path)
        # The scorecard's status chart is drawn (CSP lets its colours through).
        me.go("/resolutions/cho-don-2023/?period=2023-9M")
        fill = me.page.evaluate(
            'getComputedStyle(document.querySelector(\'svg.chart path[fill="#009e73"],'
            ' svg.chart path[fill="#009E73"]\') || document.body).fill'
        )
        assert fill != "rgb(0, 0, 0)"


def test_the_grid_is_usable_from_the_keyboard(tab):
    from playwright.sync_api import expect

    me = tab()
    me.sign_in("baocao")
    me.go("/resolutions/pac-nam-2023/entry/?unit=pac-nam&period=2023")
    me.page.keyboard.press("Tab")
    assert me.page.evaluate("document.activeElement.textContent").startswith("Bỏ qua")
    first = me.value_box("Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    first.focus()
    me.page.keyboard.type("ước 500")
    me.page.keyboard.press("Enter")  # Enter previews, it never saves
    expect(me.page.locator(".notice[role=status]")).to_contain_text("bản xem trước")
    expect(me.page.locator("tr", has=first)).to_contain_text("500 tỷ đồng (ƯTH)")


def test_english_can_be_chosen_and_vietnamese_is_the_default(tab):
    me = tab()
    me.sign_in("xem")
    assert me.page.locator("html").get_attribute("lang") == "vi"
    me.page.get_by_label("Ngôn ngữ").select_option("en")
    me.page.get_by_role("button", name="Đổi").click()
    me.page.get_by_role("heading", name="Resolutions overview").wait_for()
    assert re.search(r"2/6\s+targets met or exceeded", me.page.locator("main").inner_text())
