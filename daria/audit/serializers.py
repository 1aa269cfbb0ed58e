"""The shape of an audit event in the API."""

from rest_framework import serializers

from daria.audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    """An audit event; actor and project are ids (null once deleted) plus their names."""

    class Meta:
        model = AuditEvent
        fields = ["id", "created_at", "actor", "actor_username", "action", "project",
                  "project_name", "target_type", "target_id", "details"]
        read_only_fields = fields
