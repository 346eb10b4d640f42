"""Demo content: a registry that each app's ``demo`` module adds its builders to.

No app may import the apps above it, so ``load_demo`` discovers every installed app's
``demo`` module and runs the registered builders in order (reference data before the pages
that use it). Every builder is idempotent: it looks things up by a natural key (slug, title,
username) before creating them, so a second run changes nothing.
"""

import os

from django.utils.module_loading import autodiscover_modules

DEFAULT_DEMO_PASSWORD = "bbt-hatinh-2026"
_BUILDERS = []
_ACCOUNTS = {}


def builder(order):
    """Register ``func(stdout)`` to run at position ``order`` when demo content is loaded."""

    def register(func):
        _BUILDERS.append((order, func))
        return func

    return register


def build_all(stdout):
    autodiscover_modules("demo")
    for _order, func in sorted(_BUILDERS, key=lambda item: item[0]):
        func(stdout)


def register_account(username, role):
    """Declare a demo account so that ``make run`` can tell people how to log in."""
    _ACCOUNTS[username] = role


def demo_accounts():
    autodiscover_modules("demo")
    return dict(_ACCOUNTS)


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
