/** Secondary index maintenance: which entries a document gives an index, and index state. */
package io.offlinestore.engine.index;
