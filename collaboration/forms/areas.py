from django import forms

from collaboration.models import Area
from umebra.forms import ModelForm


class AreaForm(ModelForm):
    class Meta:
        model = Area
        fields = ["name", "slug", "population", "boundary"]
        widgets = {"boundary": forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})}
