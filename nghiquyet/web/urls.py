from django.urls import path

from .views import legacy as views

urlpatterns = [
    path("", views.home, name="home"),
    path("resolutions/<slug:code>/", views.scorecard, name="scorecard"),
]
