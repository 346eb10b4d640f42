"""Template filters of the editorial screens and e-mails."""

from django import template

from editorial.names import person_name

register = template.Library()
register.filter("person_name", person_name)
