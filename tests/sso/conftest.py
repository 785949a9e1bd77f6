import pytest

from tests.sso.providers import SamlProvider

SP_BASE = "http://testserver"
SP_ENTITY_ID = f"{SP_BASE}/sso/saml/metadata/"


def _write_sp_metadata(idp_metadata, path) -> None:
    from saml2.metadata import create_metadata_string

    from umebra.sso.saml import _sp_config

    config = _sp_config(SP_ENTITY_ID, str(idp_metadata), SP_BASE, "", "", False, 0)
    path.write_bytes(create_metadata_string(None, config=config))


@pytest.fixture(scope="session")
def saml_process(tmp_path_factory):
    provider = SamlProvider(tmp_path_factory.mktemp("saml-idp"), _write_sp_metadata)
    yield provider
    provider.stop()


@pytest.fixture
def saml_provider(saml_process, settings):
    """The SAML identity provider, configured as the municipality's."""
    settings.UMEBRA_SAML_METADATA = str(saml_process.metadata)
    settings.UMEBRA_SAML_ENTITY_ID = SP_ENTITY_ID
    settings.UMEBRA_BASE_URL = SP_BASE
    return saml_process
