from django.urls import include, path

from engagement.follow import urls as follow_urls
from engagement.questions import urls as question_urls

urlpatterns = [path("", include(follow_urls)), path("", include(question_urls))]
