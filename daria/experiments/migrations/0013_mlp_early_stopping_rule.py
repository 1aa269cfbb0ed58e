"""The MLP family's early-stopping rule became a searched parameter (``early_stopping``).

Configurations stored before always stopped on the inner validation split, which is the value
``"valid"``: this fills it in, so that stored trials, starting configurations and replay plans stay
inside the search space (searchers rebuild from them, and the space checks them).
"""

from django.db import migrations

RULE, STORED_RULE = "early_stopping", "valid"


def _filled(config: dict) -> dict:
    if config.get("algorithm") == "mlp" and RULE not in config.get("params", {}):
        return {**config, "params": {**config["params"], RULE: STORED_RULE}}
    return config


def fill_the_stored_rule(apps, schema_editor) -> None:  # noqa: ANN001 - Django's signature
    trial_model = apps.get_model("experiments", "Trial")
    for trial in trial_model.objects.filter(algorithm="mlp").iterator():
        if RULE not in trial.params:
            trial.params = {**trial.params, RULE: STORED_RULE}
            trial.save(update_fields=["params"])
    experiment_model = apps.get_model("experiments", "Experiment")
    for experiment in experiment_model.objects.exclude(initial_configurations=[]).iterator():
        filled = [_filled(config) for config in experiment.initial_configurations]
        if filled != experiment.initial_configurations:
            experiment.initial_configurations = filled
            experiment.save(update_fields=["initial_configurations"])


class Migration(migrations.Migration):

    dependencies = [
        ("experiments", "0012_trial_proposal"),
    ]

    operations = [
        migrations.RunPython(fill_the_stored_rule, migrations.RunPython.noop),
    ]
