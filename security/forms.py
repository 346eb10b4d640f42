from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """A six-digit code from the app, or one backup code."""

    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
