/**
 * Secondary indexes: which entries a document gives an index, index state, and the maintainer
 * that keeps entries in step with documents and checks unique indexes for commits and builds.
 */
package io.offlinestore.engine.index;
