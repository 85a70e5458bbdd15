CREATE TABLE `digest_runs` (
	`date` text PRIMARY KEY NOT NULL,
	`finding_keys` text NOT NULL,
	`recipients` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `list_subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`language` text NOT NULL,
	`confirm_token_hash` text,
	`unsubscribe_token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`confirmed_at` text,
	`last_mailed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_subscribers_email_unique` ON `list_subscribers` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `list_subscribers_unsubscribe_token_hash_unique` ON `list_subscribers` (`unsubscribe_token_hash`);