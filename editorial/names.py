"""How the board's screens and e-mails name a person: family name first, as in Vietnamese."""


def person_name(user):
    """ "Nguyễn Thị Lan" from last name "Nguyễn Thị" and first name "Lan".

    Django's ``get_full_name`` puts the given name first, the Western way; the user name
    stands in when both are empty.
    """
    parts = (user.last_name.strip(), user.first_name.strip())
    return " ".join(part for part in parts if part) or user.get_username()
