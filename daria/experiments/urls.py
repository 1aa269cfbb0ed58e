"""Routes of experiments (mounted under /api/v1/)."""

from django.urls import path

from daria.experiments import replay_views, stream, views

urlpatterns = [
    path("projects/<int:pk>/experiments/", views.ProjectExperimentListView.as_view(),
         name="project-experiments"),
    path("experiments/", views.ExperimentCreateView.as_view(), name="experiment-create"),
    path("experiments/<int:pk>/", views.ExperimentDetailView.as_view(), name="experiment-detail"),
    path("experiments/<int:pk>/trials/", views.ExperimentTrialsView.as_view(),
         name="experiment-trials"),
    path("experiments/<int:pk>/space/", views.ExperimentSpaceView.as_view(),
         name="experiment-space"),
    path("search-space/", views.SearchSpaceView.as_view(), name="search-space"),
    path("experiments/<int:pk>/events/", stream.experiment_events, name="experiment-events"),
    path("experiments/<int:pk>/cancel/", views.ExperimentCancelView.as_view(),
         name="experiment-cancel"),
    path("experiments/<int:pk>/pause/", views.ExperimentPauseView.as_view(),
         name="experiment-pause"),
    path("experiments/<int:pk>/resume/", views.ExperimentResumeView.as_view(),
         name="experiment-resume"),
    path("experiments/<int:pk>/extend/", views.ExperimentExtendView.as_view(),
         name="experiment-extend"),
    path("experiments/<int:pk>/replay/", replay_views.ExperimentReplayView.as_view(),
         name="experiment-replay"),
    path("experiments/<int:pk>/replay-comparison/", replay_views.ReplayComparisonView.as_view(),
         name="experiment-replay-comparison"),
]
