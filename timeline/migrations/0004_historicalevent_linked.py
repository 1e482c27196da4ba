from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_event_short_title_supported_dates_clean_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalevent",
            name="linked",
            field=models.JSONField(
                blank=True,
                help_text="Citations, relations, actors, places, topics at this version (null on older versions).",
                null=True,
            ),
        ),
    ]
