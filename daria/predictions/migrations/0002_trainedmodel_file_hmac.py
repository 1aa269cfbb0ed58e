"""Sign model files: a field for each file's HMAC, filled in for the files already stored.

Files present at upgrade time are trusted once (they were written by this server); from then on
any change to them is refused.
"""

from pathlib import Path

from django.db import migrations, models

from daria.predictions.signing import sign_file


def sign_existing_files(apps, schema_editor):
    TrainedModel = apps.get_model("predictions", "TrainedModel")
    for model in TrainedModel.objects.all():
        path = Path(model.file.path)
        if path.exists():
            model.file_hmac = sign_file(path)
            model.save(update_fields=["file_hmac"])


class Migration(migrations.Migration):

    dependencies = [
        ('predictions', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='trainedmodel',
            name='file_hmac',
            field=models.CharField(default='', editable=False, max_length=64),
        ),
        migrations.RunPython(sign_existing_files, migrations.RunPython.noop),
    ]
