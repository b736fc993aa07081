"""Searching incidents by the words of their reports, fast: on SQLite, each linked
mention's report (by its full-text rowid) beside its incident, kept by triggers.

Without it a search walks from each matching report's row to its mentions by the
64-character report id; with 100,000 incidents and a common word that alone took
longer than the incidents list may. Like ``report_fts`` it is part of SQLite's
full-text machinery; PostgreSQL searches with a join.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_LINK = (
    "INSERT OR REPLACE INTO report_fts_incidents(mention_id, report_rowid, incident_id) "
    "SELECT new.mention_id, reports.rowid, new.incident_id FROM mentions "
    "JOIN reports ON reports.id = mentions.report_id WHERE mentions.id = new.mention_id;"
)

# Every way a mention joins, leaves or moves between incidents (linking, merge, split,
# re-extraction, and deletes cascading from mentions or incidents) passes through
# incident_mentions, so triggers there keep the table exact.
SQLITE = (
    """CREATE TABLE report_fts_incidents (
        mention_id INTEGER NOT NULL PRIMARY KEY,
        report_rowid INTEGER NOT NULL,
        incident_id INTEGER NOT NULL)""",
    "CREATE INDEX report_fts_incidents_by_report "
    "ON report_fts_incidents (report_rowid, incident_id)",
    f"""CREATE TRIGGER incident_mentions_fts_insert AFTER INSERT ON incident_mentions BEGIN
        {_LINK}
    END""",
    """CREATE TRIGGER incident_mentions_fts_delete AFTER DELETE ON incident_mentions BEGIN
        DELETE FROM report_fts_incidents WHERE mention_id = old.mention_id;
    END""",
    f"""CREATE TRIGGER incident_mentions_fts_update AFTER UPDATE ON incident_mentions BEGIN
        DELETE FROM report_fts_incidents WHERE mention_id = old.mention_id;
        {_LINK}
    END""",
    """INSERT INTO report_fts_incidents (mention_id, report_rowid, incident_id)
        SELECT incident_mentions.mention_id, reports.rowid, incident_mentions.incident_id
        FROM incident_mentions
        JOIN mentions ON mentions.id = incident_mentions.mention_id
        JOIN reports ON reports.id = mentions.report_id""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS incident_mentions_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS report_fts_incidents")
