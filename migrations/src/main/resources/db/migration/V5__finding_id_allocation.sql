-- Findings and their events are written in bulk at scan close; ids are allocated 50 at a time so
-- Hibernate can batch the inserts (identity columns defeat JDBC batching).
alter sequence finding_id_seq increment by 50;
alter sequence finding_event_id_seq increment by 50;
