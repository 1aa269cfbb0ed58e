"""Projects and memberships: every object in Daria belongs to exactly one project."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    """What a member may do; each role can do everything the ones below it can."""

    OWNER = "owner", "owner"
    EDITOR = "editor", "editor"
    VIEWER = "viewer", "viewer"


# Roles that may upload, run and predict (viewers only read).
WRITE_ROLES = frozenset({Role.OWNER, Role.EDITOR})


class Project(models.Model):
    """A workspace of datasets, experiments and models shared by its members."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in one project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} is {self.role} of {self.project}"


class ApiToken(models.Model):
    """A named API token of one user. Only a SHA-256 digest of the secret is stored (the
    secret is 256 random bits, so a fast hash is enough); the secret is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    # The first characters of the secret, to recognise a token in lists; not enough to use it.
    token_key = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    expiry = models.DateTimeField()
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.name or self.token_key} ({self.user})"


class UserQuota(models.Model):
    """An administrator's override of one user's limits (blank: the server default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quota"
    )
    max_concurrent_experiments = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Queued plus running experiments; blank uses DARIA_MAX_CONCURRENT_EXPERIMENTS.",
    )

    def __str__(self) -> str:
        return f"quota of {self.user}"


class ProjectQuota(models.Model):
    """An administrator's override of one project's limits (blank: the server default)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="quota")
    max_storage_bytes = models.PositiveBigIntegerField(
        null=True, blank=True,
        help_text="Total size of the project's datasets; blank uses DARIA_PROJECT_STORAGE_BYTES, "
        "0 means no limit.",
    )

    def __str__(self) -> str:
        return f"quota of {self.project}"
