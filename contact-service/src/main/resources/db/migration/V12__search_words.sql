-- Search by words first. A word-similarity search ("hans mueler" <% name) cannot be answered exactly from a
-- trigram index: every name sharing enough trigrams with the query (every "Hans", every "Mueller") is fetched and
-- rechecked, thousands of rows for common names. Instead (pg_trgm's word-dictionary pattern):
--   1. name_word: every distinct word of a party's normalized name (a few per name; tiny next to the parties),
--      kept by triggers in the transaction that writes the name. Each query word is looked up there: the words
--      similar to it (trigram index) or with the same letters in another order (a swapped pair of letters).
--   2. The parties whose names hold those words: a GIN index on the name's words.
-- Those are ranked by word similarity as before; the word-similarity search over the whole name (now from a GIN
-- trigram index, no longer a GiST one) only fills a page the words did not fill.

-- The letters of a word in code point order ("koch" and "kcoh" both give "chko").
create function name_letters(word text) returns text
    language sql immutable strict parallel safe
    as $$ select string_agg(c, '' order by c collate "C") from regexp_split_to_table(word, '') c $$;

create table name_word (
    word    text primary key,
    letters text not null
);

create index name_word_trgm on name_word using gin (word gin_trgm_ops) with (fastupdate = off);
create index name_word_letters on name_word (letters);

-- The words of the new name are known afterwards; words only the old name held are forgotten unless another
-- party's name still holds them (an erased person's name leaves nothing behind).
create function remember_name_words() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into name_word (word, letters)
        select w, name_letters(w) from unnest(string_to_array(new.name_key, ' ')) w
        where w <> '' order by w
        on conflict (word) do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from name_word d
        where d.word in (select unnest(string_to_array(old.name_key, ' '))
                         except select unnest(string_to_array(case when tg_op = 'UPDATE' then new.name_key end, ' ')))
          and not exists (select 1 from person p where string_to_array(p.name_key, ' ') @> array[d.word])
          and not exists (select 1 from organization o where string_to_array(o.name_key, ' ') @> array[d.word]);
    end if;
    return null;
end $$;

create trigger person_name_words_added after insert on person
    for each row execute function remember_name_words();
create trigger person_name_words_changed after update of name_key on person
    for each row when (old.name_key is distinct from new.name_key) execute function remember_name_words();
create trigger person_name_words_removed after delete on person
    for each row execute function remember_name_words();
create trigger organization_name_words_added after insert on organization
    for each row execute function remember_name_words();
create trigger organization_name_words_changed after update of name_key on organization
    for each row when (old.name_key is distinct from new.name_key) execute function remember_name_words();
create trigger organization_name_words_removed after delete on organization
    for each row execute function remember_name_words();

insert into name_word (word, letters)
select w, name_letters(w)
from (select unnest(string_to_array(name_key, ' ')) w from person
      union select unnest(string_to_array(name_key, ' ')) from organization) words
where w <> '';

-- The parties holding a word (fastupdate off: a search never scans a list of pending entries).
create index person_name_words on person using gin (string_to_array(name_key, ' ')) with (fastupdate = off);
create index organization_name_words on organization using gin (string_to_array(name_key, ' ')) with (fastupdate = off);

-- The fill-in search: word similarity over the whole name from a GIN trigram index (a bitmap of the candidates,
-- then ranked), measured faster than the GiST nearest-first scan for these queries (ContactBenchmark).
drop index organization_name_trgm;
drop index person_name_trgm;
create index organization_name_trgm on organization using gin (name_key gin_trgm_ops) with (fastupdate = off);
create index person_name_trgm on person using gin (name_key gin_trgm_ops) with (fastupdate = off);
