"""A password hasher for the tests: Daria's Argon2 costs about a quarter of a CPU second per
password, and most tests create users or sign in, so the suite hashes with one PBKDF2 round.

The hashes are ordinary ``pbkdf2_sha256`` hashes (the round count is part of the hash), so the
web servers that browser and worker tests start, which run Daria's own settings, verify them too.
Tests about hashing itself opt out with ``@pytest.mark.argon2``.
"""

from __future__ import annotations

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneRoundPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2-SHA256 with a single iteration: no protection at all, for test users only."""

    iterations = 1


HASHER = f"{__name__}.{OneRoundPBKDF2PasswordHasher.__name__}"
