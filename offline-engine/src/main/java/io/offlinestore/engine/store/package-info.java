/**
 * The implementations of the public {@code OfflineStore}, {@code DocumentCollection} and
 * {@code Transaction}: they validate input and hand the work to the engine's concepts
 * (catalog, transactions, change log, plans, relationships).
 */
package io.offlinestore.engine.store;
