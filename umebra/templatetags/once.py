"""``{% once %}``: the one-time token a form carries so that sending it twice makes one record
(``umebra.submissions``). A builtin: every template with a POST form writes it beside
``{% csrf_token %}``."""

import uuid

from django import template
from django.utils.html import format_html

from umebra.submissions import FIELD

register = template.Library()


@register.simple_tag
def once() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4())
