/**
 * The catalog: each collection's schema and index states as stored, the keyspace layout, and schema management (declaring collections, building and dropping indexes).
 */
package io.offlinestore.engine.catalog;
