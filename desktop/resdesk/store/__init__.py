"""The SQLite document file: schema, migrations, transactions, event log, locking."""
