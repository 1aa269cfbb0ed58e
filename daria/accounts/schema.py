"""How the API token scheme appears in the OpenAPI schema (loaded by the app's ``ready``)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """``Authorization: Token <token>``, under the name DRF's own token scheme used."""

    target_class = "daria.accounts.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: object) -> dict[str, object]:
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Token"
        )
