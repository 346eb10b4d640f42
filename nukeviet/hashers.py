"""NukeViet 4's password format, so imported accounts sign in with their old passwords.

NukeViet stores ``{SSHA512}`` followed by base64 of SHA-512(password + salt) + salt (the salted
SHA scheme of LDAP). The import stores it here as ``nukeviet_ssha512$<base64>``; Django checks
it with this hasher and, because it is not the first of ``PASSWORD_HASHERS``, re-hashes the
password with the preferred hasher at the first successful login.
"""

import base64
import binascii
import hashlib
import hmac

from django.contrib.auth.hashers import BasePasswordHasher, mask_hash
from django.utils.translation import gettext_noop

DIGEST_SIZE = 64  # SHA-512
NUKEVIET_PREFIX = "{SSHA512}"


def from_nukeviet(stored):
    """Django's encoded form of a NukeViet password hash, or "" when it is not {SSHA512}."""
    if not stored or not stored.startswith(NUKEVIET_PREFIX):
        return ""
    return f"{NukeVietSSHA512PasswordHasher.algorithm}${stored[len(NUKEVIET_PREFIX) :]}"


class NukeVietSSHA512PasswordHasher(BasePasswordHasher):
    algorithm = "nukeviet_ssha512"

    def _split(self, encoded):
        algorithm, _sep, payload = encoded.partition("$")
        if algorithm != self.algorithm:
            return None, None
        try:
            raw = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            return None, None
        if len(raw) <= DIGEST_SIZE:
            return None, None
        return raw[:DIGEST_SIZE], raw[DIGEST_SIZE:]

    def encode(self, password, salt):
        salt_bytes = salt.encode()
        digest = hashlib.sha512(password.encode() + salt_bytes).digest()
        return f"{self.algorithm}${base64.b64encode(digest + salt_bytes).decode()}"

    def verify(self, password, encoded):
        digest, salt = self._split(encoded)
        if digest is None:
            return False
        return hmac.compare_digest(digest, hashlib.sha512(password.encode() + salt).digest())

    def decode(self, encoded):
        digest, salt = self._split(encoded)
        return {
            "algorithm": self.algorithm,
            "hash": base64.b64encode(digest or b"").decode(),
            "salt": (salt or b"").decode(errors="replace"),
        }

    def safe_summary(self, encoded):
        decoded = self.decode(encoded)
        return {
            gettext_noop("algorithm"): decoded["algorithm"],
            gettext_noop("salt"): mask_hash(decoded["salt"], show=2),
            gettext_noop("hash"): mask_hash(decoded["hash"]),
        }

    def must_update(self, encoded):
        return True

    def harden_runtime(self, password, encoded):
        pass
