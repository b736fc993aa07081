"""The audit log stays one unbroken chain when several writers append at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from repwatch.store import Store, audit

WRITERS = 8
ENTRIES = 25


def test_concurrent_writers_extend_one_unbroken_chain(store: Store) -> None:
    def write(writer: int) -> None:
        for entry in range(ENTRIES):
            # The entry is the transaction's first write: nothing else has locked
            # the database for this writer before it reads the end of the chain.
            with store.engine.begin() as conn:
                audit.append(
                    conn,
                    incident_id=None,
                    action="test",
                    actor=f"writer-{writer}",
                    detail={"entry": entry},
                )

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, range(WRITERS)))
    check = store.verify_audit_chain()
    assert check.ok, f"the chain breaks at entry {check.first_broken}"
    assert check.entries == WRITERS * ENTRIES
