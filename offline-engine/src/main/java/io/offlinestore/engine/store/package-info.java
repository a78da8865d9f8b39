/**
 * The store and its collections: the catalog of collections and indexes, commits that turn
 * document writes into one atomic backend batch with their index entries, index builds, and
 * query execution.
 */
package io.offlinestore.engine.store;
