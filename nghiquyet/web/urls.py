from django.urls import path

from .views import (
    auth,
    compare,
    dashboard,
    entry,
    indicator,
    report,
    scorecard,
    setup,
    setup_indicators,
)

RESOLUTION = "resolutions/<slug:code>/"
INDICATOR = RESOLUTION + "indicators/<str:indicator_code>/"
SETUP = RESOLUTION + "setup/"

urlpatterns = [
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("password/", auth.password_change, name="password_change"),
    path("password/done/", auth.password_changed, name="password_changed"),
    path("", dashboard.home, name="home"),
    path("compare/", compare.compare, name="compare"),
    path(RESOLUTION, scorecard.scorecard, name="scorecard"),
    path(RESOLUTION + "report/", report.report, name="report"),
    path(RESOLUTION + "report/template/", report.example_template, name="report_template"),
    path(INDICATOR, indicator.indicator, name="indicator"),
    path(INDICATOR + "assess/", indicator.assess, name="assess"),
    path(
        INDICATOR + "observations/<int:pk>/delete/",
        indicator.remove_observation,
        name="delete_observation",
    ),
    path(
        INDICATOR + "observations/<int:pk>/confirm/",
        indicator.confirm,
        name="confirm_observation",
    ),
    path(RESOLUTION + "entry/", entry.entry, name="entry"),
    path(RESOLUTION + "entry/parse/", entry.parse, name="entry_parse"),
    path("setup/", setup.setup_list, name="setup"),
    path("setup/new/", setup.new_resolution, name="new_resolution"),
    path(SETUP, setup.setup_resolution, name="setup_resolution"),
    path(SETUP + "groups/", setup.new_group, name="setup_new_group"),
    path(SETUP + "groups/<int:position>/", setup.edit_group, name="setup_group"),
    path(SETUP + "indicators/new/", setup_indicators.new_indicator, name="setup_new_indicator"),
    path(
        SETUP + "indicators/<str:indicator_code>/",
        setup_indicators.setup_indicator,
        name="setup_indicator",
    ),
    path(
        SETUP + "indicators/<str:indicator_code>/targets/",
        setup_indicators.new_target,
        name="setup_new_target",
    ),
    path(
        SETUP + "indicators/<str:indicator_code>/targets/<int:pk>/revise/",
        setup_indicators.revise,
        name="setup_revise",
    ),
]
