ALTER TABLE `processors` ADD `catalogue_id` text;--> statement-breakpoint
ALTER TABLE `processors` ADD `catalogue_version` text;--> statement-breakpoint
ALTER TABLE `processors` ADD `catalogue_seen` text;