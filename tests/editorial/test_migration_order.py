"""The roles' rights are granted after the models they are about exist, on any fresh install."""

from django.db.migrations import CreateModel
from django.db.migrations.loader import MigrationLoader

from editorial.roles import ROLES

GRANTED_MODELS = {
    (app_label, codename.split("_", 1)[1])
    for role in ROLES
    for app_label, codename in (label.split(".") for label in role.model_permissions)
    if app_label not in ("auth", "wagtailadmin")
}


def creating_migrations(graph):
    """The migration that creates each model of this project the roles grant rights on."""
    found = {}
    for key, migration in graph.nodes.items():
        for operation in migration.operations:
            model = (key[0], getattr(operation, "name_lower", ""))
            if isinstance(operation, CreateModel) and model in GRANTED_MODELS:
                found[model] = key
    return found


def test_the_last_editorial_migration_runs_after_the_models_it_grants_rights_on():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    editorial_leaf = graph.leaf_nodes("editorial")[0]
    runs_before = set(graph.forwards_plan(editorial_leaf))
    creators = creating_migrations(graph)
    assert ("directives", "issuingbody") in creators and ("home", "relatedlinklist") in creators
    for model, migration in creators.items():
        assert migration in runs_before, f"{model} is created after {editorial_leaf} grants it"
