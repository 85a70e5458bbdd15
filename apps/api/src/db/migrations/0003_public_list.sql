CREATE TABLE `published_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by_id` integer,
	`published_by_email` text,
	`content` text NOT NULL,
	`changes` text NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER published_versions_no_update BEFORE UPDATE ON published_versions
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER published_versions_no_delete BEFORE DELETE ON published_versions
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;
