-- The dedup table is looked up by lane: a client's latest processed write to a document.
create index sync_processed_by_lane on sync_processed (client_id, collection, doc_id, key_sequence);
