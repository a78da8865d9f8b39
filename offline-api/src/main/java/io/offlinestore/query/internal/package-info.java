/** Parsing of the JSON query forms; not part of the public API. */
package io.offlinestore.query.internal;
