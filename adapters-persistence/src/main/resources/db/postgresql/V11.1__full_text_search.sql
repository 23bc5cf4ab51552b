-- Issue 14 §5 on PostgreSQL only (PersistenceAdapters.migrationLocations adds db/postgresql for it; H2, the
-- embedded default, matches in process instead). Each listing's and bounty's searchable text as a tsvector
-- with a GIN index, kept in step by triggers in the writing transaction, so no write path of the
-- application has to know about search. Weights: title A, tags B (code-point order), description C,
-- and for a listing its seller's A2A card skills D (name, description, tags of each, in card order) —
-- the same document ports.out.search.SearchDocuments builds for the in-process matcher.

CREATE TABLE listing_search (
    listing_id UUID     PRIMARY KEY REFERENCES listings (id) ON DELETE CASCADE,
    document   TSVECTOR NOT NULL
);
CREATE INDEX listing_search_document_idx ON listing_search USING GIN (document);

CREATE TABLE bounty_search (
    bounty_id UUID     PRIMARY KEY REFERENCES bounties (id) ON DELETE CASCADE,
    document  TSVECTOR NOT NULL
);
CREATE INDEX bounty_search_document_idx ON bounty_search USING GIN (document);

-- The skills of a cached card (agent_cards.card, JSON written by CardRows) as one text.
CREATE FUNCTION moldtank_card_skills(card TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT COALESCE(string_agg(concat_ws(' ', s.value ->> 'name', s.value ->> 'description',
               (SELECT string_agg(t.tag, ' ' ORDER BY t.n)
                  FROM jsonb_array_elements_text(COALESCE(s.value -> 'tags', '[]'::jsonb)) WITH ORDINALITY AS t(tag, n))),
               ' ' ORDER BY s.n), '')
      FROM jsonb_array_elements(COALESCE(card::jsonb -> 'skills', '[]'::jsonb)) WITH ORDINALITY AS s(value, n)
$$;

CREATE FUNCTION moldtank_index_listing(target UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO listing_search (listing_id, document)
    SELECT l.id,
           setweight(to_tsvector('english', l.title), 'A')
           || setweight(to_tsvector('english', COALESCE((SELECT string_agg(t.tag, ' ' ORDER BY t.tag COLLATE "C")
                                                           FROM listing_tags t WHERE t.listing_id = l.id), '')), 'B')
           || setweight(to_tsvector('english', l.description), 'C')
           || setweight(to_tsvector('english', moldtank_card_skills((SELECT c.card FROM agent_cards c
                                                                     WHERE c.agent_id = l.seller_id))), 'D')
      FROM listings l
     WHERE l.id = target
    ON CONFLICT (listing_id) DO UPDATE SET document = EXCLUDED.document;
END
$$;

CREATE FUNCTION moldtank_index_bounty(target UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO bounty_search (bounty_id, document)
    SELECT b.id,
           setweight(to_tsvector('english', b.title), 'A')
           || setweight(to_tsvector('english', COALESCE((SELECT string_agg(t.tag, ' ' ORDER BY t.tag COLLATE "C")
                                                           FROM bounty_tags t WHERE t.bounty_id = b.id), '')), 'B')
           || setweight(to_tsvector('english', b.description), 'C')
      FROM bounties b
     WHERE b.id = target
    ON CONFLICT (bounty_id) DO UPDATE SET document = EXCLUDED.document;
END
$$;

-- One trigger function per kind of change: the table it fires on says whose document to rebuild.
CREATE FUNCTION moldtank_search_row_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'listings' THEN
        PERFORM moldtank_index_listing(NEW.id);
    ELSE
        PERFORM moldtank_index_bounty(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION moldtank_search_tag_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'listing_tags' THEN
        PERFORM moldtank_index_listing(changed.listing_id);
    ELSE
        PERFORM moldtank_index_bounty(changed.bounty_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION moldtank_card_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    seller UUID;
BEGIN
    IF TG_OP = 'DELETE' THEN
        seller := OLD.agent_id;
    ELSE
        seller := NEW.agent_id;
    END IF;
    PERFORM moldtank_index_listing(l.id) FROM listings l WHERE l.seller_id = seller;
    RETURN NULL;
END
$$;

-- Saves rewrite whole rows: reindex only when searched text changed (status and version moves are not).
CREATE TRIGGER listings_search_ins AFTER INSERT ON listings
    FOR EACH ROW EXECUTE FUNCTION moldtank_search_row_changed();
CREATE TRIGGER listings_search_upd AFTER UPDATE ON listings FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
          OR OLD.seller_id IS DISTINCT FROM NEW.seller_id)
    EXECUTE FUNCTION moldtank_search_row_changed();
CREATE TRIGGER listing_tags_search AFTER INSERT OR DELETE ON listing_tags
    FOR EACH ROW EXECUTE FUNCTION moldtank_search_tag_changed();
CREATE TRIGGER agent_cards_search_ins AFTER INSERT OR DELETE ON agent_cards
    FOR EACH ROW EXECUTE FUNCTION moldtank_card_changed();
CREATE TRIGGER agent_cards_search_upd AFTER UPDATE ON agent_cards FOR EACH ROW
    WHEN (OLD.card IS DISTINCT FROM NEW.card)
    EXECUTE FUNCTION moldtank_card_changed();
CREATE TRIGGER bounties_search_ins AFTER INSERT ON bounties
    FOR EACH ROW EXECUTE FUNCTION moldtank_search_row_changed();
CREATE TRIGGER bounties_search_upd AFTER UPDATE ON bounties FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description)
    EXECUTE FUNCTION moldtank_search_row_changed();
CREATE TRIGGER bounty_tags_search AFTER INSERT OR DELETE ON bounty_tags
    FOR EACH ROW EXECUTE FUNCTION moldtank_search_tag_changed();

-- What was there before this migration.
SELECT moldtank_index_listing(id) FROM listings;
SELECT moldtank_index_bounty(id) FROM bounties;
