from django import template
from django.utils.html import format_html_join

register = template.Library()

OPTION = (
    '<li class="facets__option"><label class="utrecht-form-label utrecht-form-label--checkbox facets__label">'
    '<input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" '
    'name="{}" value="{}"{}> <span class="facets__value">{}</span> <span class="facet-count">{}</span></label></li>'
)


@register.simple_tag
def facet_options(name, values):
    """The checkboxes of one facet. Built here rather than in a template loop: the municipality facet alone
    can list every municipality (some 340), which took the template engine a tenth of the search page's time."""
    return format_html_join(
        "\n", OPTION, ((name, value.value, " checked" if value.selected else "", value.label, value.count) for value in values)
    )
