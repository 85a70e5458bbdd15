ALTER TABLE `organisation` ADD `representative_needed` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `representative_contact` text;--> statement-breakpoint
ALTER TABLE `processors` ADD `display_name_en` text;--> statement-breakpoint
-- A representative recorded before the three states (its text held name and contact): recorded as designated.
UPDATE `organisation` SET `representative_needed` = 1 WHERE `representative` IS NOT NULL;
