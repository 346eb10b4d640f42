"""The permission that makes a second factor compulsory; it has no table of its own.

Requiring two-factor login is a right the board's roles are given (editorial/roles.py), so it
follows groups an administrator can rename without changing who must use it.
"""

from django.db import models


class TwoFactorRule(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("require_two_factor", "Must sign in with a second factor")]

    def __str__(self):
        return self._meta.verbose_name
