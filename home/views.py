from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def accessibility_statement(request):
    return render(request, "home/accessibility_statement.html", {"contact_email": settings.DEFAULT_FROM_EMAIL})


@require_GET
def privacy_statement(request):
    return render(request, "home/privacy_statement.html", {"editors_email": settings.EDITORS_EMAIL})
