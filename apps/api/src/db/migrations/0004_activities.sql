CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`description_fi` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`owner` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`next_review_on` text,
	`purposes` text NOT NULL,
	`retention` text,
	`sources` text DEFAULT '[]' NOT NULL,
	`sources_other_fi` text DEFAULT '' NOT NULL,
	`sources_other_en` text DEFAULT '' NOT NULL,
	`other_recipients` text DEFAULT '[]' NOT NULL,
	`security_measures_fi` text DEFAULT '' NOT NULL,
	`security_measures_en` text DEFAULT '' NOT NULL,
	`automated_decision_making` integer,
	`profiling` integer,
	`automated_decision_description_fi` text DEFAULT '' NOT NULL,
	`automated_decision_description_en` text DEFAULT '' NOT NULL,
	`dpia_status` text DEFAULT 'unknown' NOT NULL,
	`dpia_url` text,
	`rights` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activities_name` ON `activities` ("name_fi" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `activity_data_categories` (
	`activity_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`retention` text,
	`position` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `category_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `data_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_data_categories_category` ON `activity_data_categories` (`category_id`);--> statement-breakpoint
CREATE TABLE `activity_data_subjects` (
	`activity_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `category_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `data_subject_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_data_subjects_category` ON `activity_data_subjects` (`category_id`);--> statement-breakpoint
CREATE TABLE `activity_processors` (
	`activity_id` integer NOT NULL,
	`processor_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `processor_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`processor_id`) REFERENCES `processors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_processors_processor` ON `activity_processors` (`processor_id`);--> statement-breakpoint
CREATE TABLE `data_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`special` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `data_subject_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
