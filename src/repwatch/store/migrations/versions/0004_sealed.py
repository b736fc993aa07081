"""Sealed sensitive fields: victim descriptors and sources leave the mentions' open
JSON for an encrypted column (see repwatch.store.sealing).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from repwatch.model import Mention
from repwatch.store import sealing

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_mentions = sa.table(
    "mentions",
    sa.column("id", sa.Integer()),
    sa.column("data", sa.JSON()),
    sa.column("sealed", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("sealed", sa.Text()))
    conn = op.get_bind()
    # Mentions stored before sealing existed hold the fields in the open: seal them.
    for row in conn.execute(sa.select(_mentions.c.id, _mentions.c.data)).all():
        if not any(row.data.get(name) for name in sealing.SENSITIVE):
            continue
        data, sealed = sealing.split(Mention.model_validate(row.data))
        conn.execute(
            sa.update(_mentions).where(_mentions.c.id == row.id).values(data=data, sealed=sealed)
        )


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("sealed")
