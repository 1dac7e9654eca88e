from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "nghiquyet.review"
    label = "review"
    verbose_name = "Rà soát số liệu trích từ văn bản"
