from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("import/", views.page, name="page"),
    path("import/template.xlsx", views.template_download, name="template"),
    path("import/export/", views.export_download, name="export"),
    path("import/definitions/", views.definitions_upload, name="definitions"),
    path(
        "import/definitions/<str:token>/",
        views.definitions_preview,
        name="definitions_preview",
    ),
    path("import/<str:token>/", views.preview, name="preview"),
    path("import/<str:token>/problems.csv", views.problems_csv, name="problems"),
]
