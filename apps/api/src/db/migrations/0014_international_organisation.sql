ALTER TABLE `processors` ADD `international_organisation_id` text;--> statement-breakpoint
ALTER TABLE `processors` ADD `international_organisation_name` text;