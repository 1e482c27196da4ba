"""What every page's template may need beyond the view's own context."""

from django.utils.translation import gettext_lazy as _

# The words the page's scripts write, in the page's language (base.html puts them
# in a json_script "ui-strings"): {count}, {index} and {total} are filled in by the script.
UI_STRINGS = {
    "dark_theme": _("Dark theme"),
    "light_theme": _("Light theme"),
    "copied": _("Copied."),
    "copy_this": _("Copy this: {text}"),
    "list_view": _("List the {count} events of this view"),
    "position": _("{index} of {total}"),
    "hint": _("Select an event on the chart or in the list to read the passages it rests on."),
    # Over the chart where a reader tries to zoom the way the page scrolls (static/src/chart/gestures.js).
    "zoom_wheel": _("Use ctrl + scroll to zoom"),
    "zoom_wheel_mac": _("Use ⌘ + scroll to zoom"),
    "zoom_touch": _("Use two fingers to zoom"),
}


def ui_strings(request) -> dict:
    return {"ui_strings": UI_STRINGS}
