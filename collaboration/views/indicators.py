"""Indicator pages: the list, trends per area, values by hand and a CSV import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from collaboration.forms.cycle import IndicatorForm, IndicatorImportForm, IndicatorValueForm
from collaboration.models import Indicator, IndicatorValue
from collaboration.selectors.cycle import indicator_list, indicator_series, indicator_values
from collaboration.services import indicators as services
from umebra import access, charts
from umebra.history import changes_of
from umebra.pages import create_or_update, paginate, part_create, part_update


@login_required
@require_GET
def indicator_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Indicator)
    return render(
        request,
        "collaboration/indicators/list.html",
        {
            "indicators": indicator_list(user=request.user),
            "may_add": access.may_add(request.user, Indicator),
        },
    )


@login_required
@require_GET
def indicator_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.get_object_or_404(request, Indicator, pk=pk)
    series = indicator_series(user=request.user, indicator=indicator)
    page, query = paginate(request, indicator_values(user=request.user, indicator=indicator))
    return render(
        request,
        "collaboration/indicators/detail.html",
        {
            "indicator": indicator,
            "chart": charts.for_screen(
                charts.small_multiples,
                title=_("%(name)s per area, %(first)s to %(last)s")
                % {"name": indicator.name, "first": series.labels[0], "last": series.labels[-1]}
                if series.labels
                else indicator.name,
                labels=series.labels,
                series=series.lines,
                unit=indicator.unit,
            ),
            "preliminary": series.preliminary,
            "page": page,
            "query": query,
            "may_change": access.allows(request.user, indicator, access.Action.CHANGE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return create_or_update(
        request,
        model=Indicator,
        pk=pk,
        form_class=IndicatorForm,
        create=services.indicator_create,
        update=services.indicator_update,
        title=_("Indicator"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_value_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_create(
        request,
        Indicator,
        pk,
        IndicatorValueForm,
        lambda actor, indicator, form: services.indicator_value_record(
            actor=actor, indicator=indicator, **form.cleaned_data
        ),
        _("New value"),
        parent_as="indicator",
        with_user=True,
        saved=_("The value was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_value_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_update(
        request,
        IndicatorValue,
        pk,
        IndicatorValueForm,
        lambda actor, indicator_value, form: services.indicator_value_update(
            actor=actor, indicator_value=indicator_value, **form.cleaned_data
        ),
        _("Value"),
        form_kwargs=lambda indicator_value: {
            "user": request.user,
            "indicator": indicator_value.indicator,
        },
        changes=changes_of,
        done=lambda indicator_value: indicator_value.indicator.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_import_view(request: HttpRequest) -> HttpResponse:
    """Import values from CSV; a file with any bad row is refused whole, row by row."""
    access.require_add(request, Indicator)
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    result = None
    if form.is_valid():
        result = services.indicator_values_import(
            actor=access.actor_for(request.user), data=form.cleaned_data["file"].read()
        )
        if result.ok:
            messages.success(
                request,
                _("%(rows)d rows imported: %(created)d new values, %(updated)d updated.")
                % {"rows": result.rows, "created": result.created, "updated": result.updated},
            )
            return redirect("collaboration:indicator-list")
    status = 400 if form.is_bound and (form.errors or (result and not result.ok)) else 200
    return render(
        request,
        "collaboration/indicators/import.html",
        {"form": form, "result": result},
        status=status,
    )
