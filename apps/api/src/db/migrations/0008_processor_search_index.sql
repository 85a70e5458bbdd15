-- A trigram index of the processors' search text, so that a search reads the matching rows
-- instead of every row. It mirrors processors.search_text (an external-content FTS5 table)
-- and the triggers keep it in step; terms shorter than three characters still use LIKE alone.
CREATE VIRTUAL TABLE processors_search USING fts5(search_text, content='processors', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO processors_search(processors_search) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER processors_search_insert AFTER INSERT ON processors BEGIN
  INSERT INTO processors_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER processors_search_delete AFTER DELETE ON processors BEGIN
  INSERT INTO processors_search(processors_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER processors_search_update AFTER UPDATE OF search_text ON processors BEGIN
  INSERT INTO processors_search(processors_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO processors_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
