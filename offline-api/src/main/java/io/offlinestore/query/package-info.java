/**
 * Queries: the filter tree ({@link io.offlinestore.query.Filter}), its fluent builder
 * ({@link io.offlinestore.query.Filters}), sort keys, paging and query plans.
 */
package io.offlinestore.query;
