CREATE TABLE Application_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, vertex_label TEXT);
CREATE TABLE event_to_atom_mapping(vertex_id INTEGER, atom_id INTEGER, event_id INTEGER);
INSERT INTO Application_vertices(vertex_label) VALUES ('input'), ('readout');
INSERT INTO event_to_atom_mapping VALUES (1, 0, 16), (1, 1, 17), (2, 0, 32), (2, 9, 41);
CREATE TABLE configuration_parameters(parameter_id TEXT, value REAL);
INSERT INTO configuration_parameters VALUES ('machine_time_step', 1000);
