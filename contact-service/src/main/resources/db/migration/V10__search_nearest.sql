-- Search answers the best matches first: a GiST trigram index serves "order by word distance limit n" as a
-- nearest-neighbour scan, instead of fetching every row that shares a few trigrams with the query (common first
-- names share many) and sorting them all.
drop index organization_name_trgm;
drop index person_name_trgm;
create index organization_name_trgm on organization using gist (name_key gist_trgm_ops);
create index person_name_trgm on person using gist (name_key gist_trgm_ops);
