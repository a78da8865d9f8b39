/**
 * The engine-level conformance suite: abstract JUnit 5 classes that run CRUD, batch, query,
 * index and bad-input contracts, and a generated-query equivalence check, over the whole store
 * on the backend a subclass configures.
 */
package io.offlinestore.testkit.engine;
