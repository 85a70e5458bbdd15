CREATE TABLE `calendar_tokens` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_token_hash_unique` ON `calendar_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `finding_acknowledgements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_key` text NOT NULL,
	`reason` text NOT NULL,
	`expires_on` text NOT NULL,
	`acknowledged_by_id` integer,
	`acknowledged_by_email` text,
	`acknowledged_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `finding_ack_key` ON `finding_acknowledgements` (`finding_key`,`expires_on`);--> statement-breakpoint
CREATE TABLE `finding_counts` (
	`date` text PRIMARY KEY NOT NULL,
	`high` integer NOT NULL,
	`medium` integer NOT NULL,
	`low` integer NOT NULL
);
