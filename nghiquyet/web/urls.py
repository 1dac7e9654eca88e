from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("resolutions/<slug:code>/", views.scorecard, name="scorecard"),
]
