"""Form widgets of the case editor. Their templates live in knowledge/templates/: Django's form renderer reads
the apps' template folders, not the project's."""

from django import forms
from django.conf import settings

from knowledge.centres import named_centres


class LocationPicker(forms.NumberInput):
    """The longitude input with a map below it: a click, or a municipality chosen by name, sets both the
    latitude and the longitude field, so editors need not type coordinates. Without JavaScript the two number
    inputs remain."""

    template_name = "knowledge/widgets/location_picker.html"

    def __init__(self, latitude_field="latitude", attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.latitude_field = latitude_field

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css", "css/location-picker.css"]}
        js = ["vendor/leaflet/leaflet.js", "js/location-picker.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        picker_id = f"{context['widget']['attrs']['id']}-picker"
        context["picker"] = {
            "id": picker_id,
            "centres_id": f"{picker_id}-centres",
            "latitude_field": self.latitude_field,
            "tile_url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "centres": [{"name": name, "latitude": lat, "longitude": lng} for name, lat, lng in named_centres()],
        }
        return context
