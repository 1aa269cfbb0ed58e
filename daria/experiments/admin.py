"""Admin pages for experiments and trials, with a cancel action for administrators."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from daria.audit import services as audit
from daria.audit.models import Action
from daria.experiments.control import request_cancel
from daria.experiments.models import Experiment, Trial

# What the admin's cancel action can still stop.
CANCELLABLE = [Experiment.Status.WAITING, Experiment.Status.QUEUED, Experiment.Status.RUNNING,
               Experiment.Status.PAUSED]


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    """Searches and their status."""

    list_display = ["id", "project", "target", "task", "metric", "status", "cancel_requested",
                    "created_at"]
    list_filter = ["status", "task"]
    search_fields = ["target", "project__name"]
    raw_id_fields = ["dataset", "project"]
    actions = ["cancel_experiments"]

    @admin.action(description=_("Cancel the selected experiments"))
    def cancel_experiments(self, request: HttpRequest, queryset: QuerySet[Experiment]) -> None:
        """Cancel every selected unfinished experiment the way its owner's cancel button does."""
        unfinished = list(queryset.filter(status__in=CANCELLABLE))
        for experiment in unfinished:
            request_cancel(experiment.pk)
            audit.record(request.user, Action.EXPERIMENT_CANCEL, project=experiment.project_id,
                         target=experiment)
        skipped = queryset.count() - len(unfinished)
        self.message_user(request, ngettext(
            "%(count)d experiment cancelled or asked to stop.",
            "%(count)d experiments cancelled or asked to stop.",
            len(unfinished)) % {"count": len(unfinished)}, messages.SUCCESS)
        if skipped:
            self.message_user(request, ngettext(
                "%(count)d experiment had already finished and was left as it was.",
                "%(count)d experiments had already finished and were left as they were.",
                skipped) % {"count": skipped}, messages.WARNING)


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    """Individual trials."""

    list_display = ["experiment", "number", "algorithm", "state", "score"]
    list_filter = ["state", "algorithm"]
    raw_id_fields = ["experiment"]
