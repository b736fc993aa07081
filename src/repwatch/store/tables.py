"""The database schema, as SQLAlchemy Core tables.

The Alembic chain in ``migrations/`` builds exactly this schema; a test checks
that the two agree. Reports are immutable; incidents carry sortable date bounds
(``date_lo``/``date_hi``) beside the partial ISO dates they display.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the normalised text
    Column("external_id", String(200)),
    Column("title", Text),
    Column("publisher", String(200)),
    Column("url", Text),
    Column("language", String(16)),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("origin", Text),
    Column("source_format", String(16)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_reports_published", "published"),
    Index("ix_reports_external_id", "external_id"),
)

extractions = Table(
    "extractions",
    metadata,
    Column("report_id", ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("extractor", String(100), nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
    Column("mention_count", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", String(100), nullable=False),
    Column("data", JSON, nullable=False),  # the Mention, as pydantic dumps it, less …
    Column("sealed", Text),  # … its sensitive fields, encrypted (store/sealing.py)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_mentions_report_id", "report_id"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("status", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("victims_min", Integer),
    Column("victims_max", Integer),
    Column("place_name", Text),
    Column("place_id", String(100)),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", String(100)),
    Column("country", String(2)),
    Column("date_start", String(10)),  # ISO or partial ("2019-11")
    Column("date_end", String(10)),
    Column("date_precision", String(8)),
    Column("date_lo", Date),  # the first day date_start can mean
    Column("date_hi", Date),  # the last day date_end can mean
    Column("perpetrator", String(16)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("merged_into", ForeignKey("incidents.id")),
    # Corroboration: distinct reports, publishers and original sources behind it.
    Column("reports_count", Integer, nullable=False, server_default="0"),
    Column("publishers_count", Integer, nullable=False, server_default="0"),
    Column("sources_count", Integer, nullable=False, server_default="0"),
    Column("conflicts", JSON),  # names of the fields whose reports disagree
    Index("ix_incidents_date_lo", "date_lo"),
    Index("ix_incidents_date_hi", "date_hi"),
    Index("ix_incidents_place_id", "place_id"),
    Index("ix_incidents_status", "status"),
    Index(
        "ix_incidents_window",
        "date_lo",
        "date_hi",
        "lat",
        "lon",
        "country",
        "admin1",
        "status",
        "victims_min",
        "victims_max",
    ),
    Index("ix_incidents_country", "country"),
)

# Values an analyst set; extraction and linking never overwrite them.
incident_overrides = Table(
    "incident_overrides",
    metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("field", String(32), primary_key=True),
    Column("value", JSON),
    Column("set_by", String(100), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

# Pairs of incidents that linking found alike but not alike enough to join.
duplicate_proposals = Table(
    "duplicate_proposals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    Column("candidate_id", ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("status", String(16), nullable=False),  # open, merged, distinct
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(100)),
    Column("decided_at", DateTime(timezone=True)),
    UniqueConstraint("incident_id", "candidate_id", name="uq_duplicate_proposals_incident_id"),
    Index("ix_duplicate_proposals_status", "status"),
)

# Every change to an incident, append-only and hash-chained.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", Integer),
    Column("action", String(32), nullable=False),
    Column("detail", JSON, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_log_incident_id", "incident_id"),
)

incident_acts = Table(
    "incident_acts",
    metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("act", String(16), primary_key=True),
    Column("modality", String(16), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_incident_acts_act", "act"),
)

incident_mentions = Table(
    "incident_mentions",
    metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("mention_id", ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    UniqueConstraint("mention_id"),
)

# Accounts of the web application; passwords as argon2 hashes only.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
)

# Log-in sessions: the cookie carries a random token, the table only its SHA-256.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_sessions_user_id", "user_id"),
)

# Tokens for programs using the API: the table keeps only each token's SHA-256.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("label", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    UniqueConstraint("user_id", "label", name="uq_api_tokens_user_id"),
)
