from django.http import JsonResponse
from django.shortcuts import render


def search_page(request):
    return render(request, "search/search.html", {})


def search_api(request):
    return JsonResponse({})


def autocomplete_api(request):
    return JsonResponse({})
