/**
 * Query planning over the id keys and secondary indexes (single scans and unions of scans for
 * {@code $or}), the plan cache keyed by query shape, and plan execution over a backend.
 */
package io.offlinestore.engine.plan;
