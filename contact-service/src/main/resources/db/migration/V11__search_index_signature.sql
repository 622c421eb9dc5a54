-- A longer trigram signature per index entry (256 bytes instead of the default 12): with the default, names that
-- share common trigrams (many people share a first or last name) look alike in the index, so a nearest-neighbour
-- scan visits and rechecks thousands of rows before it has the best 20. Measured with ContactBenchmark.
drop index organization_name_trgm;
drop index person_name_trgm;
create index organization_name_trgm on organization using gist (name_key gist_trgm_ops(siglen = 256));
create index person_name_trgm on person using gist (name_key gist_trgm_ops(siglen = 256));
