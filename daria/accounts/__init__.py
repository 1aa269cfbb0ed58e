"""Projects, memberships and roles (users are Django's)."""
