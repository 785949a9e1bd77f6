"""Area pages: the districts with their populations and boundaries, kept by coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from collaboration.forms.areas import AreaForm
from collaboration.models import Area
from collaboration.selectors.areas import area_list, areas_changeable
from collaboration.services.areas import area_create, area_update
from umebra import access, charts
from umebra.pages import form_page


@login_required
@require_GET
def area_list_view(request: HttpRequest) -> HttpResponse:
    access.require_view_any(request, Area)
    areas = list(area_list(user=request.user))
    shapes = [charts.Shape(area.name, area.boundary) for area in areas if area.boundary]
    return render(
        request,
        "collaboration/areas/list.html",
        {
            "areas": areas,
            "map": charts.for_screen(
                charts.choropleth,
                title=_("Residents per area"),
                shapes=shapes,
                values={area.name: area.population / 1000 for area in areas},
                unit=_("thousand residents"),
                empty_label=_("no population recorded"),
            ),
            "may_add": access.may_add(request.user, Area),
            "may_change": areas_changeable(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_form_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_add(request, Area)
        area = None
    else:
        area = access.get_object_or_404(request, Area, access.Action.CHANGE, pk=pk)
    form = AreaForm(request.POST or None, instance=area)
    if form.is_valid():
        actor = access.actor_for(request.user)
        try:
            if area is None:
                area_create(actor=actor, **form.cleaned_data)
            else:
                area_update(actor=actor, area=area, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("collaboration:area-list")
    return form_page(request, form, _("Area"))
