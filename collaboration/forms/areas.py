from django import forms

from collaboration.models import Area


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "slug", "population", "boundary"]
        widgets = {"boundary": forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})}
