"""Reports, extractions, mentions and incidents; full-text search over reports.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite's FTS5 index over report titles and texts, kept in step by triggers so
# that a report and its index entry are written in the same transaction.
SQLITE_FTS = (
    """CREATE VIRTUAL TABLE report_fts USING fts5(
        title, text, content='reports', content_rowid='rowid', tokenize='unicode61')""",
    """CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
        INSERT INTO report_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
        INSERT INTO report_fts(report_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END""",
)


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("external_id", sa.String(200)),
        sa.Column("title", sa.Text()),
        sa.Column("publisher", sa.String(200)),
        sa.Column("url", sa.Text()),
        sa.Column("language", sa.String(16)),
        sa.Column("published", sa.Date()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text()),
        sa.Column("source_format", sa.String(16)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
    )
    op.create_index("ix_reports_published", "reports", ["published"])
    op.create_index("ix_reports_external_id", "reports", ["external_id"])

    op.create_table(
        "extractions",
        sa.Column("report_id", sa.String(64), nullable=False),
        sa.Column("extractor", sa.String(100), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_extractions_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", name="pk_extractions"),
    )

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.String(64), nullable=False),
        sa.Column("extractor", sa.String(100), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name="fk_mentions_report_id_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_report_id", "mentions", ["report_id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("victims_min", sa.Integer()),
        sa.Column("victims_max", sa.Integer()),
        sa.Column("place_name", sa.Text()),
        sa.Column("place_id", sa.String(100)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("admin1", sa.String(100)),
        sa.Column("country", sa.String(2)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_lo", sa.Date()),
        sa.Column("date_hi", sa.Date()),
        sa.Column("perpetrator", sa.String(16)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_date_lo", "incidents", ["date_lo"])
    op.create_index("ix_incidents_date_hi", "incidents", ["date_hi"])
    op.create_index("ix_incidents_place_id", "incidents", ["place_id"])

    op.create_table(
        "incident_acts",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("act", sa.String(16), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_acts_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "act", "modality", name="pk_incident_acts"),
    )
    op.create_index("ix_incident_acts_act", "incident_acts", ["act"])

    op.create_table(
        "incident_mentions",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_mentions_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name="fk_incident_mentions_mention_id_mentions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "mention_id", name="pk_incident_mentions"),
        sa.UniqueConstraint("mention_id", name="uq_incident_mentions_mention_id"),
    )

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS reports_fts_delete")
        op.execute("DROP TRIGGER IF EXISTS reports_fts_insert")
        op.execute("DROP TABLE IF EXISTS report_fts")
    for table in (
        "incident_mentions",
        "incident_acts",
        "incidents",
        "mentions",
        "extractions",
        "reports",
    ):
        op.drop_table(table)
