CREATE TABLE `notice_texts` (
	`id` integer PRIMARY KEY NOT NULL,
	`summary_fi` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`security_fi` text DEFAULT '' NOT NULL,
	`security_en` text DEFAULT '' NOT NULL,
	`exercising_rights_fi` text DEFAULT '' NOT NULL,
	`exercising_rights_en` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "notice_texts_single_row" CHECK("notice_texts"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `notice_versions` (
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
CREATE TRIGGER notice_versions_no_update BEFORE UPDATE ON notice_versions
BEGIN
  SELECT RAISE(ABORT, 'published notice versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER notice_versions_no_delete BEFORE DELETE ON notice_versions
BEGIN
  SELECT RAISE(ABORT, 'published notice versions are immutable');
END;
