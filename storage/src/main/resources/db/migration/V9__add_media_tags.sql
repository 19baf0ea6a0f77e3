-- The title, artist, album and comment tags of a video or audio file, as ffprobe reads them: Tika
-- reads none of them from a .mov or a .webm, so they are searchable and shown only from here.
ALTER TABLE media
    ADD COLUMN title   text,
    ADD COLUMN artist  text,
    ADD COLUMN album   text,
    ADD COLUMN comment text;
