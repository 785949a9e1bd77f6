"""Observation pages: the phone form, and the local picture with its map and chart."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from collaboration.filters import ObservationFilter
from collaboration.forms.observations import ObservationForm
from collaboration.models import Observation
from collaboration.selectors.observations import (
    changeable,
    listed_organisation,
    local_picture,
    observation_list,
)
from collaboration.services.observations import observation_create, observation_update
from umebra import access, charts
from umebra.history import changes_of
from umebra.pages import form_status, paginate, part_update

PICTURE_WEEKS = 12


@login_required
@require_http_methods(["GET", "POST"])
def observation_create_view(request: HttpRequest) -> HttpResponse:
    access.require_add(request, Observation)
    form = ObservationForm(request.POST or None, user=request.user)
    if form.is_valid():
        observation_create(actor=access.actor_for(request.user), **form.cleaned_data)
        messages.success(request, _("Thank you. The observation was recorded."))
        return redirect("collaboration:observation-create")
    return render(
        request, "collaboration/observations/form.html", {"form": form}, status=form_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def observation_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    return part_update(
        request,
        Observation,
        pk,
        ObservationForm,
        lambda actor, observation, form: observation_update(
            actor=actor, observation=observation, **form.cleaned_data
        ),
        _("Observation"),
        form_kwargs=lambda observation: {"user": request.user},
        changes=changes_of,
        done=lambda observation: reverse("collaboration:observation-list"),
    )


@login_required
@require_GET
def observation_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Observation)
    picture = local_picture(user=request.user, weeks=PICTURE_WEEKS)
    rows = picture.area_rows()
    week_labels = [f"v{week.isocalendar().week}" for week in picture.weeks]
    shapes = [charts.Shape(area.name, area.boundary) for area in picture.areas if area.boundary]
    listed = ObservationFilter(
        request.GET or None, queryset=observation_list(user=request.user), user=request.user
    )
    page, query = paginate(request, listed.qs, per_page=25)
    return render(
        request,
        "collaboration/observations/list.html",
        {
            "rows": rows,
            "week_labels": week_labels,
            "week_totals": picture.week_totals(),
            "map": charts.for_screen(
                charts.choropleth,
                title=_("Observations per 1,000 residents, last %(weeks)d weeks")
                % {"weeks": PICTURE_WEEKS},
                shapes=shapes,
                values={area.name: rate for area, _w, _t, rate in rows if rate is not None},
                unit=_("per 1,000 residents"),
                empty_label=_("no observations"),
            ),
            "chart": charts.for_screen(
                charts.bar_chart,
                title=_("Observations per week, last %(weeks)d weeks") % {"weeks": PICTURE_WEEKS},
                labels=week_labels,
                values=picture.week_totals(),
                unit=_("observations"),
            ),
            "page": page,
            "query": query,
            "filter": listed,
            "changeable": changeable(user=request.user, observations=page.object_list),
            "listed_organisation": listed_organisation(user=request.user),
            "may_add": access.may_add(request.user, Observation),
        },
    )
