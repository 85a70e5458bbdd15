CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_email` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`request_id` text,
	`client_address` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_events` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_events` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `dpa_documents` (
	`dpa_id` integer PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`dpa_id`) REFERENCES `dpas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dpas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`processor_id` integer NOT NULL,
	`status` text NOT NULL,
	`not_required_reason` text,
	`signed_on` text,
	`reference` text,
	`document_url` text,
	`valid_until` text,
	`next_review_on` text,
	`checklist` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`processor_id`) REFERENCES `processors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dpas_processor` ON `dpas` (`processor_id`,`id`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`business_id` text NOT NULL,
	`address` text,
	`privacy_contact_name` text,
	`privacy_contact_email` text,
	`default_language` text DEFAULT 'fi' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "organisation_single_row" CHECK("organisation"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `processors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`display_name` text NOT NULL,
	`legal_name` text,
	`parent_id` integer,
	`role` text NOT NULL,
	`service_fi` text DEFAULT '' NOT NULL,
	`service_en` text DEFAULT '' NOT NULL,
	`purpose_fi` text DEFAULT '' NOT NULL,
	`purpose_en` text DEFAULT '' NOT NULL,
	`data_categories` text DEFAULT '[]' NOT NULL,
	`data_subject_categories` text DEFAULT '[]' NOT NULL,
	`website_url` text,
	`privacy_policy_url` text,
	`dpa_url` text,
	`hq_country` text,
	`status` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`disclosure_condition_fi` text DEFAULT '' NOT NULL,
	`disclosure_condition_en` text DEFAULT '' NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`internal_notes` text,
	`search_text` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `processors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `processors_display_name` ON `processors` ("display_name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `processors_status` ON `processors` (`status`);--> statement-breakpoint
CREATE INDEX `processors_role` ON `processors` (`role`);--> statement-breakpoint
CREATE INDEX `processors_parent` ON `processors` (`parent_id`);--> statement-breakpoint
CREATE INDEX `processors_updated_at` ON `processors` (`updated_at`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`processor_id` integer NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`safeguard` text NOT NULL,
	`adequacy_decision_id` text,
	`dpf_listing_url` text,
	`dpf_verified_on` text,
	`scc_module` integer,
	`derogation` text,
	`other_safeguard` text,
	`tia_status` text DEFAULT 'unknown' NOT NULL,
	`tia_url` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`processor_id`) REFERENCES `processors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transfers_processor` ON `transfers` (`processor_id`);--> statement-breakpoint
CREATE INDEX `transfers_country` ON `transfers` (`country`,`processor_id`);--> statement-breakpoint
CREATE INDEX `transfers_safeguard` ON `transfers` (`safeguard`,`processor_id`);