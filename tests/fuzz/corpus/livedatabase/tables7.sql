CREATE TABLE Application_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, vertex_label TEXT);
CREATE TABLE Machine_vertices(vertex_id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT);
CREATE TABLE graph_mapper_vertex(application_vertex_id INTEGER, machine_vertex_id INTEGER);
CREATE TABLE event_to_atom_mapping(vertex_id INTEGER, atom_id INTEGER, event_id INTEGER);
CREATE TABLE m_vertex_to_lpg_vertex(pre_vertex_id INTEGER, partition_id TEXT, lpg_vertex_id INTEGER);
INSERT INTO Application_vertices(vertex_label) VALUES ('input'), ('conv1');
INSERT INTO Machine_vertices(label) VALUES ('input:0'), ('conv1:0');
INSERT INTO graph_mapper_vertex VALUES (1, 1), (2, 2);
INSERT INTO event_to_atom_mapping VALUES (1, 0, 65536), (1, 1, 65537), (2, 0, 131072), (2, 3, 131075);
