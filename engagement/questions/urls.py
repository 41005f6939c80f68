from django.urls import path

from engagement.questions import views

urlpatterns = [
    path("vraag/<int:case_id>/", views.ask, name="ask_question"),
    path("vraag/<int:case_id>/verstuurd/", views.question_sent, name="question_sent"),
]
