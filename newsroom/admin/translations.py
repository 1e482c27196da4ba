"""The admin edits a text and its Japanese and Korean translations side by side."""

from timeline.models import TRANSLATION_LANGUAGES


class SideBySideTranslations:
    """
    For models with `translated_fields`: each such field on one line with its
    `_ja` and `_ko` columns, in the place the English field has in the form.
    """

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        translated = getattr(self.model, "translated_fields", ())
        columns = {name: [f"{name}_{code}" for code, _language in TRANSLATION_LANGUAGES] for name in translated}
        beside = {column for names in columns.values() for column in names}
        rows = []
        for name in fields:
            if name in beside:
                continue
            if name in columns:
                rows.append((name, *[column for column in columns[name] if column in fields]))
            else:
                rows.append(name)
        return rows
