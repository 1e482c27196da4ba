"""English as summit writes it: British dates (13 Jan 2026) and day-first input."""

from django.conf.locale.en_GB.formats import *  # type: ignore[import-untyped]  # noqa: F403
