"""Review: corroboration and conflicts on incidents, analysts' values, possible
duplicates, and the hash-chained audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("merged_into", sa.Integer()))
        batch.add_column(
            sa.Column("reports_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("publishers_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("sources_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("conflicts", sa.JSON()))
        batch.create_foreign_key(
            "fk_incidents_merged_into_incidents", "incidents", ["merged_into"], ["id"]
        )
        batch.create_index("ix_incidents_status", ["status"])
        # Covers the linking candidate query: a range on date_lo, the rest read from
        # the index itself rather than from each row.
        batch.create_index(
            "ix_incidents_window",
            [
                "date_lo",
                "date_hi",
                "lat",
                "lon",
                "country",
                "admin1",
                "status",
                "victims_min",
                "victims_max",
            ],
        )
        batch.create_index("ix_incidents_country", ["country"])

    op.create_table(
        "incident_overrides",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.JSON()),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_overrides_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "field", name="pk_incident_overrides"),
    )

    op.create_table(
        "duplicate_proposals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(100)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_duplicate_proposals_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["incidents.id"],
            name="fk_duplicate_proposals_candidate_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_duplicate_proposals"),
        sa.UniqueConstraint(
            "incident_id", "candidate_id", name="uq_duplicate_proposals_incident_id"
        ),
    )
    op.create_index("ix_duplicate_proposals_status", "duplicate_proposals", ["status"])

    # Append-only: nothing in repwatch updates or deletes these rows, and each
    # row's hash covers the previous row's, so a removed or altered entry shows.
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer()),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_incident_id", "audit_log", ["incident_id"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("duplicate_proposals")
    op.drop_table("incident_overrides")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index("ix_incidents_country")
        batch.drop_index("ix_incidents_window")
        batch.drop_index("ix_incidents_status")
        batch.drop_constraint("fk_incidents_merged_into_incidents", type_="foreignkey")
        for column in (
            "conflicts",
            "sources_count",
            "publishers_count",
            "reports_count",
            "merged_into",
        ):
            batch.drop_column(column)
