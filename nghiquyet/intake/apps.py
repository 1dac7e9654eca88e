from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Getting figures in: text extraction, file import and export."""

    name = "nghiquyet.intake"
    label = "intake"
