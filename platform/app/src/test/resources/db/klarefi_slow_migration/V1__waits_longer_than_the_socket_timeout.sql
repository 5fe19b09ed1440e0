-- A migration during which the server sends nothing for longer than the pool's socket timeout.
SELECT pg_sleep(2.5);
CREATE TABLE klarefi_slow_migration.marker (id integer PRIMARY KEY);
