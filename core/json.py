"""JSON responses whose text can never be read as HTML, whatever a visitor typed into them."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse

HTML_SIGNIFICANT = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class EscapingJSONEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(HTML_SIGNIFICANT)


def json_response(data, status=200):
    return JsonResponse(data, status=status, encoder=EscapingJSONEncoder, json_dumps_params={"ensure_ascii": False})
