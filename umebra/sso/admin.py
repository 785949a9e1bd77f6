"""The administrator links a person's login at the identity provider to their account."""

from django import forms
from django.contrib import admin
from django.utils.decorators import method_decorator

from umebra import access
from umebra.admin_access import AccessRestrictedAdmin
from umebra.forms import ModelForm
from umebra.reauth import sensitive_step
from umebra.sso import services
from umebra.sso.models import ExternalIdentity
from umebra.sso.policy import link_refusal


class ExternalIdentityForm(ModelForm):
    class Meta:
        model = ExternalIdentity
        fields = ("user", "provider", "subject")

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor

    def clean_user(self):
        user = self.cleaned_data["user"]
        refusal = link_refusal(actor=self.actor, user=user)
        if refusal:
            raise forms.ValidationError(refusal)
        return user


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(AccessRestrictedAdmin):
    """Links are made and removed, never edited: a changed identifier is a new link, and
    each stands in the access log."""

    form = ExternalIdentityForm
    list_display = ("user", "provider", "subject", "created_at")
    list_filter = ("provider",)
    search_fields = ("user__username", "user__first_name", "user__last_name", "subject")
    list_select_related = ("user",)
    autocomplete_fields = ("user",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        actor = access.actor_for(request.user)

        class WithActor(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, actor=actor, **inner)

        return WithActor

    @method_decorator(sensitive_step)
    def add_view(self, request, form_url="", extra_context=None):
        """Linking a login is giving a way into the account, as setting its password is:
        the password is asked again first."""
        return super().add_view(request, form_url, extra_context)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def log_addition(self, request, obj, message):
        # The service wrote the access event; the admin's history still gets its entry.
        return admin.ModelAdmin.log_addition(self, request, obj, message)

    def save_model(self, request, obj, form, change) -> None:
        saved = services.external_identity_create(
            actor=access.actor_for(request.user),
            user=obj.user,
            provider=obj.provider,
            subject=obj.subject,
        )
        obj.pk = saved.pk
