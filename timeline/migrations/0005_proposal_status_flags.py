from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0004_historicalevent_linked"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="proposal", name="proposal_unique_sentence"),
        migrations.AddField(
            model_name="proposal",
            name="date_start",
            field=models.PositiveIntegerField(
                blank=True, null=True, help_text="Offset of the date expression in the source text."
            ),
        ),
        migrations.AddField(
            model_name="proposal",
            name="event_status",
            field=models.CharField(
                "suggested status",
                choices=[
                    ("happened", "Happened"),
                    ("scheduled", "Scheduled"),
                    ("expected", "Expected or reported as likely"),
                    ("cancelled", "Cancelled"),
                ],
                default="happened",
                help_text="What the sentence's tense and modal words say: 'will' is scheduled, 'may' expected.",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="proposal",
            name="flags",
            field=models.JSONField(blank=True, default=list, help_text="Warnings for the editor, e.g. tense_mismatch."),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.UniqueConstraint(
                fields=("source", "start", "end", "date_start"), name="proposal_unique_mention"
            ),
        ),
    ]
