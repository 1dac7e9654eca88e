from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("nghiquyet.intake.urls")),
    path("review/", include("nghiquyet.review.urls")),
    path("", include("nghiquyet.web.urls")),
]

handler400 = "nghiquyet.web.views.errors.bad_request"
handler403 = "nghiquyet.web.views.errors.permission_denied"
handler404 = "nghiquyet.web.views.errors.page_not_found"
handler500 = "nghiquyet.web.views.errors.server_error"
