"""Errors migkg raises. Only the CLI turns them into messages and exit codes."""


class MigkgError(Exception):
    """Root of every error a user can cause (bad input, unknown name, bad query)."""


class InputError(MigkgError):
    """A document or path that cannot be read: missing, empty, binary, undecodable."""


class RegistryError(MigkgError):
    """A registry file that is malformed, or a name that resolves to nothing."""


class ContractError(MigkgError):
    """An output directory that does not hold what the contract promises."""


class ValidationError(MigkgError):
    """The RDF of a build violates the SHACL shapes."""


class QueryError(MigkgError):
    """Unknown canned query, missing or ill-typed parameter, syntax error."""


class BackendUnavailable(MigkgError):
    """A store or server that cannot be reached or is not installed."""
