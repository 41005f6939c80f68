from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()

OPTION = (
    '<li class="facets__option"><label class="utrecht-form-label utrecht-form-label--checkbox facets__label">'
    '<input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" '
    'name="{}" value="{}"{}> <span class="facets__value">{}</span> <span class="facet-count">{}</span></label></li>'
)
# A facet with more values than this shows the first SHOWN_FIRST and folds the rest away: the municipality
# facet of a broad search lists some 340 municipalities, a long scroll before anything else on a phone.
FOLD_ABOVE = 15
SHOWN_FIRST = 10


def _options(name, values):
    return format_html_join(
        "\n", OPTION, ((name, value.value, " checked" if value.selected else "", value.label, value.count) for value in values)
    )


@register.simple_tag
def facet_options(name, values):
    """The checkboxes of one facet, a long one folded after its first values (open when one of those is chosen).

    Built here rather than in a template loop: the template engine took a tenth of the search page's time
    for the municipality facet alone."""
    if len(values) <= FOLD_ABOVE:
        return format_html('<ul class="facets__options">{}</ul>', _options(name, values))
    first, rest = values[:SHOWN_FIRST], values[SHOWN_FIRST:]
    return format_html(
        '<ul class="facets__options">{}</ul><details class="facets__more"{}><summary>{}</summary>'
        '<ul class="facets__options">{}</ul></details>',
        _options(name, first),
        " open" if any(value.selected for value in rest) else "",
        gettext("Nog %(count)d tonen") % {"count": len(rest)},
        _options(name, rest),
    )
