CREATE VIEW label_event_atom_view AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT 'a' AS label, 7 AS event, 0 AS atom FROM c;
