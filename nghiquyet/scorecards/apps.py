from django.apps import AppConfig


class ScorecardsConfig(AppConfig):
    name = "nghiquyet.scorecards"
    label = "scorecards"
    verbose_name = "Đánh giá chỉ tiêu"
