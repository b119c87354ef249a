-- The customer's latest survey answer (from SurveyAnswered), for the loyalty grid's attitude axis.
ALTER TABLE customer_segment
    ADD COLUMN satisfaction int,
    ADD COLUMN nps          int,
    ADD COLUMN surveyed_at  timestamptz;
