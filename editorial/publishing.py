"""Who may publish without going through a workflow: holders of the board's own right."""

from editorial.roles import PUBLISH_DIRECTLY


def may_publish_directly(user, page, creating=False):
    """Wagtail's publish right on the page, and the board's "publish directly" right.

    The editor-in-chief's role holds both (superusers hold every right). Approving a
    workflow's last step publishes without this check, so reviewers of the last step need
    neither; anyone given Wagtail's publish right by hand is refused all the same.
    """
    if not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    allowed = permissions.can_publish_subpage() if creating else permissions.can_publish()
    return allowed and user.has_perm(PUBLISH_DIRECTLY)
