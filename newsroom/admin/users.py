"""Django's own user and group admins, taking hostile ids and searches as the rest of the admin does."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from .safe import SafeInputAdmin

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class SafeUserAdmin(SafeInputAdmin, UserAdmin):
    pass


@admin.register(Group)
class SafeGroupAdmin(SafeInputAdmin, GroupAdmin):  # type: ignore[misc]
    pass
