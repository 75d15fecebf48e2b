CREATE TABLE configuration_parameters(parameter_id TEXT, value REAL);
INSERT INTO configuration_parameters VALUES ('machine_time_step', 100), ('time_scale_factor', 10), ('runtime', 1000);
CREATE TABLE m(label TEXT, event INTEGER, atom INTEGER);
INSERT INTO m VALUES ('input', 65536, 0), ('input', 65537, 1), ('conv1', 131072, 0), ('conv1', 131073, 1);
CREATE VIEW label_event_atom_view AS SELECT atom, event, label FROM m;
CREATE TABLE t(pre_vertex_label TEXT, board_address TEXT, ip_address TEXT, port INTEGER, tag INTEGER, strip_sdp INTEGER);
INSERT INTO t VALUES ('conv1', '127.0.0.1', '0.0.0.0', 17895, 7, 1);
CREATE VIEW app_output_tag_view AS SELECT * FROM t;
