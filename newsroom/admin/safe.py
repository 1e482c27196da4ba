"""
Hostile or garbled admin input answered as a form error or a 400, never a
500: record ids that are not numbers (or too big for the column), NUL in a
search, a history version that is not a number. Django's admin lets some of
these reach the database (its autocomplete widget filters by whatever ids a
failed form posted back; a search term goes into LIKE as it is, and
PostgreSQL refuses NUL in any string).
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import BadRequest, ValidationError
from django.db import connection


def readable_id(model, value) -> bool:
    """Whether `value` can be looked up as the model's primary key without the database refusing it."""
    field = model._meta.pk
    try:
        number = field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    if not isinstance(number, int):
        return "\x00" not in str(number)
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or number >= low) and (high is None or number <= high)


def refuse_nul(text: str, what: str = "A search") -> str:
    if "\x00" in str(text):
        raise BadRequest(f"{what} cannot hold a NUL character.")
    return text


class ReadableIdsChoiceField(forms.ModelMultipleChoiceField):
    """Ids too big for the column are refused like any other id that is not a choice."""

    def _check_values(self, value):
        if self.to_field_name in (None, "pk", self.queryset.model._meta.pk.name):
            for pk in value:
                if not readable_id(self.queryset.model, pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


class ReadableIdsWidgetMixin:
    """Redrawing a refused form shows what was chosen: only ids that can be looked up."""

    def optgroups(self, name, value, attr=None):
        model = self.choices.queryset.model
        value = [item for item in value if item in ("", None) or readable_id(model, item)]
        return super().optgroups(name, value, attr)


class SafeAutocompleteSelect(ReadableIdsWidgetMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ReadableIdsWidgetMixin, AutocompleteSelectMultiple):
    pass


class SafeInputAdmin:
    """For every ModelAdmin: its relation fields and searches take hostile input as form errors or a 400."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ReadableIdsChoiceField)
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                SafeAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        # The list's search box and every autocomplete widget searching this model.
        refuse_nul(search_term)
        return super().get_search_results(request, queryset, search_term)
