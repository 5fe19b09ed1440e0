-- What an organisation shows of itself to its applicants on the intake page; every part optional.
-- The logo is kept here rather than linked, so the page loads nothing from elsewhere.
ALTER TABLE auth.organisations
    ADD COLUMN display_name    text,
    ADD COLUMN privacy_url     text,
    ADD COLUMN help_contact    text,
    ADD COLUMN logo            bytea,
    ADD COLUMN logo_media_type text CHECK (logo_media_type IN ('image/png', 'image/jpeg'));
