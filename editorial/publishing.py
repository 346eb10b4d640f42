"""Who may publish without going through a workflow: the editor-in-chief, and superusers."""

from editorial.roles import CHIEF


def may_publish_directly(user, page, creating=False):
    """Wagtail's publish right on the page, held by the editor-in-chief role.

    Approving a workflow's last step publishes without this check, so reviewers of the last
    step need no publish right; anyone else holding one (a group edited by hand) is refused.
    """
    if not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    allowed = permissions.can_publish_subpage() if creating else permissions.can_publish()
    return allowed and (user.is_superuser or user.groups.filter(name=CHIEF).exists())
