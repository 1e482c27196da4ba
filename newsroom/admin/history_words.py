"""
The words of simple-history's pages (an event's history, one of its versions,
the Revert button), which simple-history ships without Japanese or Korean.
Marked here so that `make messages` puts them in summit's catalogues, which
Django reads before any app's: the history pages then speak the editor's
language like the rest of the admin. The strings must stay exactly as
simple-history's templates and admin write them.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

HISTORY_WORDS = (
    # simple_history/object_history_list.html
    gettext_noop("Object"),
    gettext_noop("Date/time"),
    gettext_noop("Comment"),
    gettext_noop("Changed by"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    gettext_noop("None"),
    ngettext_lazy("entry", "entries"),
    # simple_history/object_history.html
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("This object doesn't have a change history."),
    # simple_history/object_history_form.html and submit_line.html
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Press the 'Change History' button below to edit the history."),
    gettext_noop("Revert"),
    gettext_noop("Change History"),
    gettext_noop("Close"),
    # simple_history/admin.py
    gettext_noop("View history: %s"),
    gettext_noop("Change history: %s"),
    gettext_noop("Revert %s"),
    gettext_noop("View %s"),
    gettext_noop('The %(name)s "%(obj)s" was changed successfully.'),
    gettext_noop("You may edit it again below"),
    # history_type's choices
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
)
