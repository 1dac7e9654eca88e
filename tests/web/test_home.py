def test_home_lists_every_resolution_with_its_latest_tally(
    demo, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nghị quyết Đại hội Đảng bộ huyện Lục Ngạn lần thứ XXIV" in page
    assert "2/6</strong> chỉ tiêu đạt và vượt — 9 tháng năm 2023" in page


def test_every_response_carries_security_headers(db, client):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_scorecard_page_and_json(demo, client):
    page = client.get("/resolutions/cho-don-2023/?period=2023-9M").content.decode()
    assert "603,8" in page and "100,6 %" in page
    data = client.get("/resolutions/cho-don-2023/?period=2023-9M&format=json").json()
    assert data["tally"]["met_or_exceeded"] == 2
    assert client.get("/resolutions/khong-co/").status_code == 404
    bad = client.get("/resolutions/cho-don-2023/?period=2023-Q9&format=json")
    assert bad.status_code == 400 and "không hợp lệ" in bad.json()["error"]["message"]


def test_static_files_are_served_by_the_app(db, client):
    response = client.get("/static/nghiquyet/site.css")
    assert response.status_code == 200
