"""Print the demo accounts (user name and role) for the start-up banner of ``make run``."""

from django.core.management.base import BaseCommand

from demo.registry import demo_accounts


class Command(BaseCommand):
    help = "List the user names of the demo accounts and their roles."

    def handle(self, *args, **options):
        accounts = demo_accounts()
        self.stdout.write(", ".join(f"{name} ({role})" for name, role in accounts.items()))
