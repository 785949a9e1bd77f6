from django import forms
from django.utils.translation import gettext_lazy as _

from umebra.accessibility.models import AccessibilityReport
from umebra.forms import ModelForm


class AccessibilityReportForm(ModelForm):
    """Two questions and an optional address: short enough for anyone who met a barrier."""

    class Meta:
        model = AccessibilityReport
        fields = ["page", "problem", "contact_email"]
        widgets = {"problem": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}
        labels = {"page": _("Which page?"), "problem": _("What is the problem?")}
        error_messages = {
            "page": {"required": _("Say which page the problem is on.")},
            "problem": {"required": _("Describe the problem.")},
            "contact_email": {"invalid": _("Write a whole e-mail address, as name@example.se.")},
        }
