"""Protection of the people in the record: roles, passwords, redaction."""

from repwatch.protect.roles import Permission, Role, allows, require

__all__ = ["Permission", "Role", "allows", "require"]
