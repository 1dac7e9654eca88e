from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "nghiquyet.results"
    label = "results"
    verbose_name = "Kết quả thực hiện"
