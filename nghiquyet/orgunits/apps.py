from django.apps import AppConfig


class OrgUnitsConfig(AppConfig):
    name = "nghiquyet.orgunits"
    label = "orgunits"
    verbose_name = "Đơn vị"
