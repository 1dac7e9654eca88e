from nghiquyet import clidocs


def test_the_cli_reference_is_up_to_date():
    assert clidocs.DOC.read_text(encoding="utf-8") == clidocs.render(), (
        "docs/cli.md is stale: run `python3 -m uv run python -m nghiquyet.clidocs`"
    )


def test_every_command_of_ours_is_documented():
    text = clidocs.DOC.read_text(encoding="utf-8")
    for name in ("demo", "serve", "scorecard", "indicators"):
        assert f"## nghiquyet {name}" in text
