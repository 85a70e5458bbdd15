ALTER TABLE `organisation` ADD `dpo_appointed` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `dpo_name` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `dpo_email` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `representative` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `has_joint_controllers` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `joint_controllers` text;