/**
 * The stores under measurement, behind one small interface: the engine on any backend, and the
 * baselines (raw MapDB, raw Derby, Nitrite on MVStore), each doing the same work its own way:
 * every document stored with one secondary index on {@code group}, durable commits, results
 * decoded into documents.
 */
package io.offlinestore.benchmarks.subject;
