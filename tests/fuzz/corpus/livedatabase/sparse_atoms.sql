CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 64) INSERT INTO m SELECT 'p' || x, x, 16777215 FROM c;
CREATE VIEW label_event_atom_view AS SELECT label, event, atom FROM m;
